using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>The FTS5 index over SearchEntries, kept in step by triggers.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261122090100_SearchIndex")]
public sealed class SearchIndex : EmbeddedSqlMigration;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>Theme codes become indexed tokens of the FTS5 table, so a theme filter is an index intersection, not a scan.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261123050000_SearchThemesInIndex")]
public sealed class SearchThemesInIndex : EmbeddedSqlMigration;

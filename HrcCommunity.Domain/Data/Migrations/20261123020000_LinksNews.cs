using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>Useful links and news posts, and an index for the feed over the search entries.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261123020000_LinksNews")]
public sealed class LinksNews : EmbeddedSqlMigration;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>The directory of international city networks: entries, our member cities in them, corrections and history.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261123030000_Networks")]
public sealed class NetworkDirectoryTables : EmbeddedSqlMigration;

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

[DbContext(typeof(HrcDbContext))]
[Migration("20261122090000_Initial")]
public sealed class Initial : EmbeddedSqlMigration;

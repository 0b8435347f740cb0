using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>The Knowledge Centre's items, revisions and attachments, and shared practices with comments and useful marks.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261123010000_Knowledge")]
public sealed class Knowledge : EmbeddedSqlMigration;

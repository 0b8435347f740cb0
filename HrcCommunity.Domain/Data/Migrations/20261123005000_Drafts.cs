using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>Form drafts saved as people type.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261123005000_Drafts")]
public sealed class Drafts : EmbeddedSqlMigration;

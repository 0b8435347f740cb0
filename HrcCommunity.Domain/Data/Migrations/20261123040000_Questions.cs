using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>The experts' facility: questions, their internal notes and moderation log, and canned replies.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261123040000_Questions")]
public sealed class Questions : EmbeddedSqlMigration;

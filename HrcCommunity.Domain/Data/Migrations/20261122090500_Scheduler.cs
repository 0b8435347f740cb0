using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>The tables Quartz's persistent job store (AdoJobStore, SQLite delegate) reads and writes.</summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261122090500_Scheduler")]
public sealed class Scheduler : EmbeddedSqlMigration;

using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>
/// A migration whose SQL lives in an embedded file named after its id. Our package source has no
/// EF design-time tools, so schema changes are written as SQL by hand (or, for the model's own
/// tables, from <c>HrcCommunity.Web schema-script</c>) and the schema test proves they match.
/// </summary>
public abstract class EmbeddedSqlMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var id = GetType().GetCustomAttributes(typeof(MigrationAttribute), false).Cast<MigrationAttribute>().Single().Id;
        var assembly = typeof(EmbeddedSqlMigration).Assembly;
        var resource = $"{assembly.GetName().Name}.Data.Migrations.{id}.sql";
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration script {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        migrationBuilder.Sql(reader.ReadToEnd());
    }
}

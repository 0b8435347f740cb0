using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// The migrations of the provider in use: SQLite's in <c>Data/Migrations</c>, PostgreSQL's in
/// <c>Data/PostgreSqlMigrations</c>. Both sets carry <c>[DbContext(typeof(HrcDbContext))]</c>, and EF's own lookup
/// takes every migration and the first snapshot of a context in the assembly; this one reads only the namespace of
/// the provider, at run time and when <c>dotnet ef migrations add</c> looks for the snapshot to compare against.
/// A derived context per provider would do the same, but would put a second context type behind every
/// <c>IDbContextFactory&lt;HrcDbContext&gt;</c> in the app.
/// </summary>
internal sealed class ProviderMigrationsAssembly(IDatabaseProvider provider, IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    public const string SqliteNamespace = "HrcCommunity.Domain.Data.Migrations";
    public const string PostgreSqlNamespace = "HrcCommunity.Domain.Data.PostgreSqlMigrations";

    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;

    private string Namespace => provider.Name == "Npgsql.EntityFrameworkCore.PostgreSQL" ? PostgreSqlNamespace : SqliteNamespace;

    public Assembly Assembly => typeof(HrcDbContext).Assembly;

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= new SortedList<string, TypeInfo>(
        Types().Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<MigrationAttribute>() is not null)
            .ToDictionary(t => t.GetCustomAttribute<MigrationAttribute>()!.Id));

    public ModelSnapshot? ModelSnapshot => _snapshot ??= Types().Where(t => t.IsSubclassOf(typeof(ModelSnapshot)))
        .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!).FirstOrDefault();

    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(idGenerator.IsValidId(nameOrId)
        ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        : id => string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private IEnumerable<TypeInfo> Types() => Assembly.DefinedTypes.Where(t => !t.IsAbstract && t.Namespace == Namespace
        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(HrcDbContext));
}

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// Traits of the domain suite. A class marked <c>[Trait(DatabaseTests.Category, DatabaseTests.Domain)]</c> tests
/// Domain services on a <see cref="SqliteDatabase"/> only (no app host, no browser), so ./test.sh runs it a second
/// time on PostgreSQL (<c>HRC_TEST_DATABASE=PostgreSql</c>, filter <c>Category=Database</c>). A test that checks
/// something only SQLite has (a PRAGMA, a file) is marked <c>[Trait(DatabaseTests.Category, DatabaseTests.SqliteOnly)]</c>
/// as well and is left out of that pass.
/// </summary>
public static class DatabaseTests
{
    public const string Category = "Category";
    public const string Domain = "Database";
    public const string SqliteOnly = "SqliteOnly";
}

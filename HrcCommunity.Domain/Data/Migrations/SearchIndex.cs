using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>
/// The full-text index EF cannot model: an external-content FTS5 table over SearchEntries, kept in step by
/// triggers. The text lives once, in SearchEntries; the index holds tokens. <c>remove_diacritics</c> folds
/// "Zürich" and "Zurich" together; prefix indexes make suggestions cheap. Each theme code is one token of its
/// own column ("sdg-16" is stored as "sdg16": a hyphen would split a code into words other codes share), and
/// the kind is stored as "kindpractice", which nobody types, so theme and kind filters are part of the MATCH
/// and answered by the index. People's words match in every column: a column filter makes FTS5 read the
/// positions of every match.
/// </summary>
internal static class SearchIndex
{
    private const string Columns = "Title, Summary, Body, Themes, Kind";

    private static string Values(string row) =>
        $"{row}.Id, {row}.Title, {row}.Summary, {row}.Body, replace({row}.Themes, '-', ''), 'kind' || {row}.Kind";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql($"""
            CREATE VIRTUAL TABLE search_fts USING fts5(
                {Columns},
                content='SearchEntries', content_rowid='Id',
                tokenize='unicode61 remove_diacritics 2',
                prefix='2 3 4'
            );
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER search_entries_ai AFTER INSERT ON SearchEntries BEGIN
                INSERT INTO search_fts(rowid, {Columns}) VALUES ({Values("new")});
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER search_entries_ad AFTER DELETE ON SearchEntries BEGIN
                INSERT INTO search_fts(search_fts, rowid, {Columns}) VALUES ('delete', {Values("old")});
            END;
            """);
        migrationBuilder.Sql($"""
            CREATE TRIGGER search_entries_au AFTER UPDATE ON SearchEntries BEGIN
                INSERT INTO search_fts(search_fts, rowid, {Columns}) VALUES ('delete', {Values("old")});
                INSERT INTO search_fts(rowid, {Columns}) VALUES ({Values("new")});
            END;
            """);
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS search_entries_au;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS search_entries_ad;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS search_entries_ai;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS search_fts;");
    }
}

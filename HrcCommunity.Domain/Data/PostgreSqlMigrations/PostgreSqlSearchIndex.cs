using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.PostgreSqlMigrations;

/// <summary>
/// PostgreSQL's counterpart of the FTS5 index (Data/Migrations/SearchIndex.cs), which EF cannot model: a stored
/// tsvector column generated from the entry, with a GIN index. It tokenizes as FTS5's unicode61 tokenizer does, so a
/// query matches the same entries on both databases: every run of characters that are not letters or digits splits
/// words (an ICU collation, so letters of every script count, whatever the database's own collation), and the
/// <c>hrc_search</c> configuration lowers case and removes diacritics (unaccent) with no stop words or stemming.
/// Weights stand for FTS5's columns: title A, summary B, body C; the theme codes without hyphens and the
/// "kind…" token D, so theme and kind filters are part of the tsquery and answered by the index.
/// </summary>
internal static class PostgreSqlSearchIndex
{
    private const string WordMappings = "asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart";

    private static string Words(string column) =>
        $"to_tsvector('hrc_search'::regconfig, hrc_search_words(\"{column}\"))";

    public static void Create(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");
        migrationBuilder.Sql("CREATE TEXT SEARCH CONFIGURATION hrc_search (COPY = simple);");
        migrationBuilder.Sql($"ALTER TEXT SEARCH CONFIGURATION hrc_search ALTER MAPPING FOR {WordMappings} WITH unaccent, simple;");
        migrationBuilder.Sql("""
            CREATE FUNCTION hrc_search_words(text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $$ SELECT regexp_replace($1 COLLATE "und-x-icu", '[^[:alnum:]]+', ' ', 'g') $$;
            """);
        migrationBuilder.Sql($"""
            ALTER TABLE "SearchEntries" ADD COLUMN "SearchVector" tsvector GENERATED ALWAYS AS (
                setweight({Words("Title")}, 'A') ||
                setweight({Words("Summary")}, 'B') ||
                setweight({Words("Body")}, 'C') ||
                setweight(to_tsvector('hrc_search'::regconfig, replace("Themes", '-', '') || ' kind' || "Kind"), 'D')
            ) STORED;
            """);
        migrationBuilder.Sql("""CREATE INDEX "IX_SearchEntries_SearchVector" ON "SearchEntries" USING GIN ("SearchVector");""");
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_SearchEntries_SearchVector";""");
        migrationBuilder.Sql("""ALTER TABLE "SearchEntries" DROP COLUMN IF EXISTS "SearchVector";""");
        migrationBuilder.Sql("DROP FUNCTION IF EXISTS hrc_search_words(text);");
        migrationBuilder.Sql("DROP TEXT SEARCH CONFIGURATION IF EXISTS hrc_search;");
    }
}

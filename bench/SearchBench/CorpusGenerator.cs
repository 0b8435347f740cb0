using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Domain.Features.Themes;
using Microsoft.Data.Sqlite;

namespace HrcCommunity.Bench;

/// <summary>
/// Writes realistic, varied entries straight into SearchEntries (the migration's triggers fill the
/// FTS5 index, as they do for the app). Words follow a Zipf-like curve, so common words such as
/// "rights" or "city" match tens of thousands of entries, as they would on the real site.
/// </summary>
internal static class CorpusGenerator
{
    private static readonly string[] Vocabulary = (
        "rights city human local council residents housing participation inclusion discrimination equality migrants refugees " +
        "children education health policy municipal strategy report monitoring indicators budget participatory dialogue " +
        "practice network declaration charter mayor office advisory commission civil society ngo university research " +
        "accessibility disability older persons women gender lgbti youth poverty homelessness water sanitation climate " +
        "adaptation resilience energy transport mobility public space safety police justice access complaints ombudsperson " +
        "training staff guidance toolkit workshop exchange dialogue cooperation partnership sustainable development goals " +
        "agenda localisation implementation evaluation survey data open transparency accountability integrity procurement " +
        "culture creative learning library school healthcare social services employment decent work wages segregation " +
        "roma antiracism hate speech expression assembly privacy digital surveillance algorithms smart inclusion welcome " +
        "reception integration language courses interpreters shelter defenders solidarity sanctuary neighbourhood " +
        "regeneration gentrification eviction tenants rent affordable cooperative green parks air pollution noise heat " +
        "flooding food security markets organic waste recycling circular economy tourism heritage festival sport").Split(' ');

    private static readonly string[] Cities =
        ("Graz Vienna Lund Utrecht Middelburg York Barcelona Gwangju Montreal Nantes Bologna Madrid Lisbon Ghent Helsinki " +
         "Tampere Malmo Gothenburg Umea Salzburg Rosario Mexico Bogota Seoul Jakarta Wonosobo Porto Alegre Sarajevo Tirana").Split(' ');

    public static void Seed(string databasePath, int count, int seed = 2026)
    {
        var random = new Random(seed);
        var kinds = SearchKinds.All;
        var themes = ThemeCatalog.All.Select(t => t.Code).ToArray();
        using var connection = new SqliteConnection($"Data Source={databasePath}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO SearchEntries (Kind, Key, Layer, Url, Title, Summary, Body, Themes, UpdatedAt) " +
                             "VALUES ($kind, $key, $layer, $url, $title, $summary, $body, $themes, $updated)";
        var parameters = new[] { "$kind", "$key", "$layer", "$url", "$title", "$summary", "$body", "$themes", "$updated" }
            .Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        insert.Prepare();

        var written = 0;
        for (var record = 0; written < count; record++)
        {
            var kind = kinds[random.Next(kinds.Count)];
            var key = $"bench-{record}";
            var title = $"{Sentence(random, 3, 7)} in {Cities[random.Next(Cities.Length)]}";
            var summary = Sentence(random, 15, 30);
            var body = string.Join(". ", Enumerable.Range(0, random.Next(6, 20)).Select(_ => Sentence(random, 8, 16)));
            var entryThemes = string.Join(' ', Enumerable.Range(0, random.Next(1, 4)).Select(_ => themes[random.Next(themes.Length)]).Distinct());
            var updated = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(-record);
            // About 70% public only, 15% public with a practitioners' entry, 15% practitioners only.
            var roll = random.NextDouble();
            if (roll < 0.85)
            {
                Write(ContentLayer.Public, body);
                if (roll >= 0.70 && written < count) Write(ContentLayer.Practitioners, body + ". " + Sentence(random, 20, 40));
            }
            else Write(ContentLayer.Practitioners, body);

            void Write(ContentLayer layer, string text)
            {
                object[] values = [kind, key, (int)layer, $"/{kind}/{key}", title, summary, text, entryThemes, updated.ToString("yyyy-MM-dd HH:mm:ss")];
                for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i];
                insert.ExecuteNonQuery();
                written++;
            }
        }
        transaction.Commit();
        using var optimize = connection.CreateCommand();
        optimize.CommandText = "INSERT INTO search_fts(search_fts) VALUES ('optimize'); ANALYZE;";
        optimize.ExecuteNonQuery();
    }

    private static string Sentence(Random random, int min, int max)
    {
        var words = new string[random.Next(min, max + 1)];
        for (var i = 0; i < words.Length; i++) words[i] = Zipf(random);
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return string.Join(' ', words);
    }

    /// <summary>Index ~ 1/rank: the first words are very common, the tail is rare.</summary>
    private static string Zipf(Random random)
    {
        var index = (int)Math.Floor(Math.Pow(Vocabulary.Length + 1, random.NextDouble())) - 1;
        return Vocabulary[Math.Clamp(index, 0, Vocabulary.Length - 1)];
    }
}

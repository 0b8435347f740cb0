using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Networks;

public sealed record ImportProblem(int Row, string Column, string Message);

public sealed record ImportReport(bool Applied, int Created, int Updated, int Unchanged, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// The directory as CSV: one column per field (<see cref="NetworkFields"/>) after "slug". Export
/// follows the reader's layer; import (Admins) checks every row before writing anything and then
/// applies the whole file in one transaction.
/// </summary>
public sealed class NetworkCsvService(IDbContextFactory<HrcDbContext> dbFactory, NetworkDirectoryService directory, TimeProvider clock)
{
    public const long MaxImportBytes = 1024 * 1024;
    public const int MaxImportRows = 2000;
    /// <summary>Paths under /directory that are pages, so no entry may take them as its slug.</summary>
    public static readonly IReadOnlySet<string> ReservedSlugs = new HashSet<string> { "corrections", "import" };

    public async Task WriteAsync(Actor actor, NetworkQuery query, TextWriter writer, CancellationToken ct = default)
    {
        var fields = NetworkFields.VisibleTo(actor).ToList();
        // Text that anyone could have proposed must not run as a formula when the file is opened in a spreadsheet.
        await using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
        csv.WriteField("slug");
        foreach (var field in fields) csv.WriteField(field.Key);
        await csv.NextRecordAsync();
        var page = 1;
        while (true)
        {
            var result = await directory.SearchAsync(actor, query with { Page = page, PageSize = NetworkQuery.MaxPageSize }, ct);
            foreach (var entry in result.Items)
            {
                csv.WriteField(entry.Slug);
                foreach (var field in fields) csv.WriteField(ValueOf(entry, field.Key));
                await csv.NextRecordAsync();
            }
            if (page >= result.PageCount) break;
            page++;
        }
    }

    public async Task<ImportReport> ImportAsync(Actor actor, Stream csvStream, CancellationToken ct = default)
    {
        actor.Require(actor.IsAdmin, "import the directory");
        var problems = new List<ImportProblem>();
        var rows = Parse(csvStream, problems);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var existing = await db.Networks.ToDictionaryAsync(n => n.Slug, StringComparer.Ordinal, ct);
        var year = clock.GetUtcNow().Year;
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Slug, out var known) && known.DeletedAt is not null)
                problems.Add(new(row.Line, "slug", $"\"{row.Slug}\" belonged to an entry that was removed from the directory; use another slug."));
            if (!existing.ContainsKey(row.Slug) && !row.Values.ContainsKey("name"))
                problems.Add(new(row.Line, "name", "A new entry needs a name."));
            try
            {
                NetworkFields.Validate(row.Values, year).ThrowIfInvalid();
            }
            catch (ValidationFailedException ex)
            {
                problems.AddRange(ex.Errors.SelectMany(e => e.Value.Select(m => new ImportProblem(row.Line, e.Key, m))));
            }
        }
        if (problems.Count > 0)
            return new ImportReport(false, 0, 0, 0, problems.OrderBy(p => p.Row).ThenBy(p => p.Column, StringComparer.Ordinal).ToList());

        int created = 0, updated = 0, unchanged = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var fresh = rows.Where(r => !existing.ContainsKey(r.Slug)).Select(r => (Row: r, Network: new Network { Slug = r.Slug, UpdatedAt = clock.GetUtcNow().UtcDateTime })).ToList();
        db.Networks.AddRange(fresh.Select(f => f.Network));
        // New entries need their ids before their first history line can point at them.
        await db.SaveChangesAsync(ct);
        foreach (var (row, network) in fresh)
        {
            await NetworkWriter.ApplyAsync(db, network, NetworkWriter.ChangedFields(network, row.Values), actor, "created", null, clock, ct);
            created++;
        }
        foreach (var row in rows.Where(r => existing.ContainsKey(r.Slug)))
        {
            var network = existing[row.Slug];
            var changes = NetworkWriter.ChangedFields(network, row.Values);
            if (changes.Count == 0) { unchanged++; continue; }
            await NetworkWriter.ApplyAsync(db, network, changes, actor, "imported", null, clock, ct);
            updated++;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportReport(true, created, updated, unchanged, []);
    }

    private sealed record ImportRow(int Line, string Slug, Dictionary<string, string> Values);

    private static List<ImportRow> Parse(Stream stream, List<ImportProblem> problems)
    {
        var rows = new List<ImportRow>();
        var firstLineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            MissingFieldFound = null,
            BadDataFound = args => problems.Add(new(args.Context.Parser?.Row ?? 0, "", $"The row has a badly quoted field near \"{Shorten(args.Field)}\".")),
        };
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                problems.Add(new(1, "", "The file is empty: the first row must name the columns, starting with slug and name."));
                return rows;
            }
            var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            if (!CheckHeader(header, problems)) return rows;

            while (csv.Read())
            {
                var line = csv.Parser.Row;
                if (rows.Count >= MaxImportRows)
                {
                    problems.Add(new(line, "", $"The file has more than {MaxImportRows:N0} entries; split it into smaller files."));
                    break;
                }
                var record = csv.Parser.Record ?? [];
                if (record.All(string.IsNullOrWhiteSpace)) continue;
                if (record.Length != header.Length)
                {
                    problems.Add(new(line, "", $"The row has {record.Length} fields but the header names {header.Length} columns."));
                    continue;
                }
                var slug = record[Array.IndexOf(header, "slug")].Trim();
                if (!Slug.IsValid(slug) || ReservedSlugs.Contains(slug))
                    problems.Add(new(line, "slug", $"\"{Shorten(slug)}\" is not a valid slug: use lowercase letters, digits and dashes (e.g. \"{Slug.From(slug.Length > 0 ? slug : "city-network")}\")."));
                else if (!firstLineOf.TryAdd(slug, line))
                    problems.Add(new(line, "slug", $"The slug \"{slug}\" appears twice in the file (first on row {firstLineOf[slug]})."));
                var values = header.Select((column, i) => (column, i)).Where(c => c.column != "slug")
                    .ToDictionary(c => c.column, c => NetworkFields.Canonical(c.column, record[c.i]), StringComparer.Ordinal);
                rows.Add(new ImportRow(line, slug, values));
            }
        }
        catch (CsvHelperException ex)
        {
            problems.Add(new(ex.Context?.Parser?.Row ?? 0, "", "The file is not valid CSV here: " + ex.Message.Split('\n')[0]));
        }
        return rows;
    }

    private static bool CheckHeader(string[] header, List<ImportProblem> problems)
    {
        var before = problems.Count;
        if (!header.Contains("slug")) problems.Add(new(1, "slug", "The header has no \"slug\" column."));
        foreach (var column in header.Where(c => c != "slug" && NetworkFields.Find(c) is null))
            problems.Add(new(1, column, $"\"{column}\" is not a column of the directory; known columns: slug, {string.Join(", ", NetworkFields.All.Select(f => f.Key))}."));
        foreach (var column in header.GroupBy(c => c).Where(g => g.Count() > 1))
            problems.Add(new(1, column.Key, $"The column \"{column.Key}\" appears more than once."));
        return problems.Count == before;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    private static string ValueOf(NetworkEntry e, string key) => key switch
    {
        "name" => e.Name, "acronym" => e.Acronym, "summary" => e.Summary, "mission" => e.Mission, "mandate" => e.Mandate,
        "key_projects" => e.KeyProjects, "member_count" => e.MemberCount?.ToString(CultureInfo.InvariantCulture) ?? "",
        "member_kinds" => e.MemberKinds, "country_count" => e.CountryCount?.ToString(CultureInfo.InvariantCulture) ?? "",
        "membership_model" => e.MembershipModel, "membership_note" => e.MembershipNote,
        "founded" => e.FoundedYear?.ToString(CultureInfo.InvariantCulture) ?? "", "headquarters" => e.Headquarters,
        "regions" => string.Join(' ', e.Regions), "themes" => string.Join(' ', e.Themes), "website" => e.Website,
        "source" => e.Source, "contacts" => e.Contacts ?? "",
        _ => "",
    };
}

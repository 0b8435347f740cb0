using System.Globalization;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Themes;

namespace HrcCommunity.Domain.Features.Networks;

/// <summary>An editable fact of an entry. Values travel as text so forms, corrections and CSV share one path.</summary>
public sealed record NetworkField(string Key, string Label, bool PractitionersOnly, Func<Network, string> Get, Action<Network, string> Set);

/// <summary>
/// The fields of a directory entry, their canonical text form and their validation. Canonical text
/// (trimmed, numbers in invariant digits, codes sorted) makes "did this field change?" a string compare.
/// </summary>
public static class NetworkFields
{
    public static readonly IReadOnlyList<NetworkField> All =
    [
        new("name", "Name", false, n => n.Name, (n, v) => n.Name = v),
        new("acronym", "Acronym", false, n => n.Acronym, (n, v) => n.Acronym = v),
        new("summary", "Summary", false, n => n.Summary, (n, v) => n.Summary = v),
        new("mission", "Mission", false, n => n.Mission, (n, v) => n.Mission = v),
        new("mandate", "Mandate", false, n => n.Mandate, (n, v) => n.Mandate = v),
        new("key_projects", "Key projects", false, n => n.KeyProjects, (n, v) => n.KeyProjects = v),
        new("member_count", "Number of members", false, n => Number(n.MemberCount), (n, v) => n.MemberCount = ParseNumber(v)),
        new("member_kinds", "Kind of members", false, n => n.MemberKinds, (n, v) => n.MemberKinds = v),
        new("country_count", "Number of countries", false, n => Number(n.CountryCount), (n, v) => n.CountryCount = ParseNumber(v)),
        new("membership_model", "Membership model", false, n => n.MembershipModel, (n, v) => n.MembershipModel = v),
        new("membership_note", "Membership details", false, n => n.MembershipNote, (n, v) => n.MembershipNote = v),
        new("founded", "Founded", false, n => Number(n.FoundedYear), (n, v) => n.FoundedYear = ParseNumber(v)),
        new("headquarters", "Headquarters", false, n => n.Headquarters, (n, v) => n.Headquarters = v),
        new("regions", "Regions", false, n => n.Regions, (n, v) => n.Regions = v),
        new("themes", "Themes", false, n => n.Themes, (n, v) => n.Themes = v),
        new("website", "Website", false, n => n.Website, (n, v) => n.Website = v),
        new("source", "Source", false, n => n.Source, (n, v) => n.Source = v),
        new("contacts", "Contact persons", true, n => n.Contacts, (n, v) => n.Contacts = v),
    ];

    /// <summary>Not a field of the entry but recorded in its history when a Coordinator changes which of our cities belong to it.</summary>
    public const string MemberCitiesKey = "member_cities";

    private static readonly Dictionary<string, NetworkField> ByKey = All.ToDictionary(f => f.Key, StringComparer.Ordinal);

    public static NetworkField? Find(string key) => ByKey.GetValueOrDefault(key);

    public static string LabelOf(string key) =>
        ByKey.TryGetValue(key, out var field) ? field.Label : key == MemberCitiesKey ? "Our member cities in it" : key;

    /// <summary>The fields a person may see and propose changes to.</summary>
    public static IEnumerable<NetworkField> VisibleTo(Actor actor) => All.Where(f => !f.PractitionersOnly || actor.CanSeePractitionerLayer);

    public static IReadOnlyDictionary<string, string> ValuesOf(Network network) =>
        All.ToDictionary(f => f.Key, f => f.Get(network), StringComparer.Ordinal);

    /// <summary>Trims text, normalises line ends, and sorts and de-duplicates code lists.</summary>
    public static string Canonical(string key, string? value)
    {
        var text = (value ?? "").Replace("\r\n", "\n").Trim();
        if (key is "regions" or "themes")
            return string.Join(' ', text.Split([' ', ',', ';', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal));
        if (key == "membership_model") return text.ToLowerInvariant();
        if (key is "member_count" or "country_count" or "founded")
            return long.TryParse(text.Replace(",", "").Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n.ToString(CultureInfo.InvariantCulture) : text;
        return text;
    }

    /// <summary>Validates complete or partial values (only the keys given) into field errors keyed by field.</summary>
    public static Validator Validate(IReadOnlyDictionary<string, string> values, int currentYear, Validator? into = null)
    {
        var v = into ?? new Validator();
        foreach (var (key, value) in values)
        {
            var label = LabelOf(key);
            switch (key)
            {
                case "name": v.Required(key, value, label, 150); break;
                case "acronym": v.Length(key, value, label, 30); break;
                case "summary": v.Length(key, value, label, Network.SummaryMax); break;
                case "mission" or "mandate" or "key_projects" or "membership_note" or "contacts": v.Length(key, value, label, Network.TextMax); break;
                case "member_kinds" or "headquarters": v.Length(key, value, label, 150); break;
                case "source": v.Length(key, value, label, 300); break;
                case "member_count": CheckNumber(v, key, value, label, 0, 10_000_000); break;
                case "country_count": CheckNumber(v, key, value, label, 0, 250); break;
                case "founded": CheckNumber(v, key, value, label, 1800, currentYear); break;
                case "website": v.Url(key, value, label, required: false).Length(key, value, label, 300); break;
                case "membership_model":
                    v.Check(value.Length == 0 || NetworkVocabulary.Models.Any(m => m.Code == value), key,
                        $"{label} must be one of: {string.Join(", ", NetworkVocabulary.Models.Select(m => m.Code))} (or empty).");
                    break;
                case "regions":
                    foreach (var code in NetworkVocabulary.Codes(value).Where(c => NetworkVocabulary.Regions.All(r => r.Code != c)))
                        v.Check(false, key, $"\"{code}\" is not a known region; use {string.Join(", ", NetworkVocabulary.Regions.Select(r => r.Code))}.");
                    break;
                case "themes":
                    foreach (var code in NetworkVocabulary.Codes(value).Where(c => !ThemeCatalog.IsKnown(c)))
                        v.Check(false, key, $"\"{code}\" is not a known theme code.");
                    break;
                default: v.Check(false, key, $"\"{key}\" is not a field of a directory entry."); break;
            }
        }
        return v;
    }

    private static void CheckNumber(Validator v, string key, string value, string label, long min, long max)
    {
        if (value.Length == 0) return;
        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            v.Check(false, key, $"{label} must be a whole number (got \"{value}\").");
        else if (key == "founded" && number > max)
            v.Check(false, key, $"{label} cannot be in the future ({number} is after {max}).");
        else if (number < 0)
            v.Check(false, key, $"{label} cannot be negative.");
        else v.Range(key, number, label, min, max);
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static int? ParseNumber(string value) => value.Length == 0 ? null : int.Parse(value, CultureInfo.InvariantCulture);
}

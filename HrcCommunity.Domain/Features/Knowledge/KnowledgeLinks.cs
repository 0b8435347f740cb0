using System.Text.Json;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Themes;

namespace HrcCommunity.Domain.Features.Knowledge;

public sealed record KnowledgeLinkInput(string Title, string Url);

/// <summary>Validation and storage shared by knowledge items and practices.</summary>
internal static class KnowledgeFields
{
    public const int LinkTitleMax = 150;

    public static string ToJson(IReadOnlyList<KnowledgeLinkInput> links) =>
        JsonSerializer.Serialize(links.Select(l => new KnowledgeLinkInput(l.Title.Trim(), l.Url.Trim())).ToList());

    public static IReadOnlyList<KnowledgeLinkInput> FromJson(string json) =>
        JsonSerializer.Deserialize<List<KnowledgeLinkInput>>(json) ?? [];

    public static void CheckLinks(Validator validator, IReadOnlyList<KnowledgeLinkInput> links, int max)
    {
        validator.Check(links.Count <= max, "links", $"At most {max} links are allowed.");
        for (var i = 0; i < links.Count; i++)
        {
            validator.Required($"links[{i}].title", links[i].Title, $"The title of link {i + 1}", LinkTitleMax);
            validator.Url($"links[{i}].url", links[i].Url, $"The address of link {i + 1}", required: true);
        }
    }

    public static void CheckThemes(Validator validator, IReadOnlyList<string> themes, int max)
    {
        validator.Check(themes.Count <= max, "themes", $"Choose at most {max} themes.");
        foreach (var unknown in themes.Where(t => !ThemeCatalog.IsKnown(t)))
            validator.Check(false, "themes", $"\"{unknown}\" is not a known theme.");
    }

    public static void CheckNetworks(Validator validator, IReadOnlyList<string> slugs, int max)
    {
        validator.Check(slugs.Count <= max, "networks", $"Tag at most {max} networks.");
        foreach (var bad in slugs.Where(s => !Slug.IsValid(s)))
            validator.Check(false, "networks", $"\"{bad}\" is not a network identifier.");
    }

    /// <summary>A slug free in the given set: the title's slug, or that with a number after it.</summary>
    public static async Task<string> UniqueSlugAsync(string title, Func<string, Task<bool>> taken)
    {
        var basis = Slug.From(title);
        if (basis.Length == 0) basis = "item";
        if (basis.Length > Slug.MaxLength - 4) basis = basis[..(Slug.MaxLength - 4)].Trim('-');
        var candidate = basis;
        for (var n = 2; await taken(candidate); n++) candidate = $"{basis}-{n}";
        return candidate;
    }
}

public static class KnowledgeSections
{
    public static readonly IReadOnlyList<KnowledgeSection> All = Enum.GetValues<KnowledgeSection>();

    public static string Label(KnowledgeSection section) => section switch
    {
        KnowledgeSection.HumanRightsFramework => "Human rights framework",
        KnowledgeSection.PublicationsAndResources => "Publications and resources",
        KnowledgeSection.InstitutionsAndResources => "Institutions and resources",
        KnowledgeSection.ThematicIssues => "Thematic issues",
        _ => "Other issues",
    };

    /// <summary>The section as it appears in addresses: /knowledge?section=thematic-issues.</summary>
    public static string Code(KnowledgeSection section) => Slug.From(Label(section));

    public static KnowledgeSection? FromCode(string? code) =>
        All.Cast<KnowledgeSection?>().FirstOrDefault(s => Code(s!.Value) == code);
}

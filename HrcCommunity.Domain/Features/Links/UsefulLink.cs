namespace HrcCommunity.Domain.Features.Links;

/// <summary>One entry of the network's catalogue of useful websites, in one category.</summary>
public sealed class UsefulLink
{
    public const int TitleMax = 200;
    public const int UrlMax = 500;
    public const int DescriptionMax = 600;

    public int Id { get; set; }
    public string Category { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>Empty when the catalogue names an initiative without a site we can vouch for.</summary>
    public string? Url { get; set; }
    public string Description { get; set; } = "";
    /// <summary>Theme codes separated by spaces.</summary>
    public string Themes { get; set; } = "";
    /// <summary>Place within the category, from 1.</summary>
    public int Position { get; set; }
    public DateTime UpdatedAt { get; set; }
}

public sealed record LinkCategory(string Code, string Label);

/// <summary>The catalogue's categories, in the order the network lists them.</summary>
public static class LinkCategories
{
    public static readonly IReadOnlyList<LinkCategory> All =
    [
        new("hrc-initiatives", "Human rights city initiatives and networks"),
        new("local-governments", "Associations of local governments and cities"),
        new("un-2030-agenda", "UN 2030 Agenda and the SDGs"),
        new("sdgs-local", "SDGs for local communities and cities"),
        new("thematic-cities", "Initiatives and networks of thematic cities"),
        new("sdgs-human-rights", "SDGs and human rights"),
        new("sdg-16", "SDG 16: peace and justice"),
        new("sdgs-peace", "SDGs and peace"),
        new("refugees-migrants", "Refugees and migrants"),
    ];

    public static bool IsKnown(string? code) => All.Any(c => c.Code == code);

    public static string LabelOf(string code) => All.FirstOrDefault(c => c.Code == code)?.Label ?? code;
}

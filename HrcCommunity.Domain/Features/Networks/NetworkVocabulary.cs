namespace HrcCommunity.Domain.Features.Networks;

public sealed record VocabularyItem(string Code, string Label);

/// <summary>The controlled values the directory filters on: regions, membership models and size bands.</summary>
public static class NetworkVocabulary
{
    public static readonly IReadOnlyList<VocabularyItem> Regions =
    [
        new("global", "Worldwide"),
        new("africa", "Africa"),
        new("americas", "Americas"),
        new("asia-pacific", "Asia and the Pacific"),
        new("europe", "Europe"),
        new("middle-east", "Middle East"),
    ];

    public static readonly IReadOnlyList<VocabularyItem> Models =
    [
        new("open", "Open to any city"),
        new("commitment", "Open on a political commitment"),
        new("invitation", "By invitation"),
        new("fee", "Membership fee"),
    ];

    /// <summary>Size bands by number of members; "unknown" holds entries whose count is not recorded.</summary>
    public static readonly IReadOnlyList<VocabularyItem> Sizes =
    [
        new("under-50", "Fewer than 50 members"),
        new("50-249", "50 to 249 members"),
        new("250-999", "250 to 999 members"),
        new("1000-plus", "1,000 members or more"),
        new("unknown", "Size not recorded"),
    ];

    public static string SizeOf(int? members) => members switch
    {
        null => "unknown",
        < 50 => "under-50",
        < 250 => "50-249",
        < 1000 => "250-999",
        _ => "1000-plus",
    };

    public static string RegionLabel(string code) => Regions.FirstOrDefault(r => r.Code == code)?.Label ?? code;

    public static string ModelLabel(string code) => Models.FirstOrDefault(m => m.Code == code)?.Label ?? code;

    public static IReadOnlyList<string> Codes(string spaceSeparated) =>
        spaceSeparated.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

namespace HrcCommunity.Domain.Features.Themes;

public enum ThemeGroup
{
    Right = 0,
    Sdg = 1,
    ThematicCity = 2,
}

public sealed record Theme(string Code, string Label, ThemeGroup Group);

/// <summary>
/// The shared vocabulary every feature tags with: rights, the 17 Sustainable Development Goals and
/// the kinds of thematic city the network's link catalogue lists. Codes are stable; labels may change.
/// </summary>
public static class ThemeCatalog
{
    public static readonly IReadOnlyList<Theme> All =
    [
        new("sdg-1", "SDG 1: No poverty", ThemeGroup.Sdg),
        new("sdg-2", "SDG 2: Zero hunger", ThemeGroup.Sdg),
        new("sdg-3", "SDG 3: Good health and well-being", ThemeGroup.Sdg),
        new("sdg-4", "SDG 4: Quality education", ThemeGroup.Sdg),
        new("sdg-5", "SDG 5: Gender equality", ThemeGroup.Sdg),
        new("sdg-6", "SDG 6: Clean water and sanitation", ThemeGroup.Sdg),
        new("sdg-7", "SDG 7: Affordable and clean energy", ThemeGroup.Sdg),
        new("sdg-8", "SDG 8: Decent work and economic growth", ThemeGroup.Sdg),
        new("sdg-9", "SDG 9: Industry, innovation and infrastructure", ThemeGroup.Sdg),
        new("sdg-10", "SDG 10: Reduced inequalities", ThemeGroup.Sdg),
        new("sdg-11", "SDG 11: Sustainable cities and communities", ThemeGroup.Sdg),
        new("sdg-12", "SDG 12: Responsible consumption and production", ThemeGroup.Sdg),
        new("sdg-13", "SDG 13: Climate action", ThemeGroup.Sdg),
        new("sdg-14", "SDG 14: Life below water", ThemeGroup.Sdg),
        new("sdg-15", "SDG 15: Life on land", ThemeGroup.Sdg),
        new("sdg-16", "SDG 16: Peace, justice and strong institutions", ThemeGroup.Sdg),
        new("sdg-17", "SDG 17: Partnerships for the goals", ThemeGroup.Sdg),
        new("right-housing", "Housing", ThemeGroup.Right),
        new("right-education", "Education", ThemeGroup.Right),
        new("right-health", "Health", ThemeGroup.Right),
        new("right-work-and-social-security", "Work and social security", ThemeGroup.Right),
        new("right-non-discrimination", "Non-discrimination", ThemeGroup.Right),
        new("right-participation", "Participation", ThemeGroup.Right),
        new("right-gender-equality", "Gender equality", ThemeGroup.Right),
        new("right-children-s-rights", "Children's rights", ThemeGroup.Right),
        new("right-older-persons-rights", "Older persons' rights", ThemeGroup.Right),
        new("right-disability-rights", "Disability rights", ThemeGroup.Right),
        new("right-migrants-and-refugees", "Migrants and refugees", ThemeGroup.Right),
        new("right-lgbti-equality", "LGBTI equality", ThemeGroup.Right),
        new("right-digital-rights", "Digital rights", ThemeGroup.Right),
        new("right-freedom-of-expression", "Freedom of expression", ThemeGroup.Right),
        new("right-right-to-the-city", "Right to the city", ThemeGroup.Right),
        new("right-environment-and-climate-justice", "Environment and climate justice", ThemeGroup.Right),
        new("right-access-to-justice", "Access to justice", ThemeGroup.Right),
        new("right-anti-racism", "Anti-racism", ThemeGroup.Right),
        new("city-accountable", "Accountable city", ThemeGroup.ThematicCity),
        new("city-age-friendly", "Age-friendly city", ThemeGroup.ThematicCity),
        new("city-barrier-free", "Barrier-free city", ThemeGroup.ThematicCity),
        new("city-carbon-free", "Carbon-free city", ThemeGroup.ThematicCity),
        new("city-child-friendly", "Child-friendly city", ThemeGroup.ThematicCity),
        new("city-clean", "Clean city", ThemeGroup.ThematicCity),
        new("city-climate", "Climate city", ThemeGroup.ThematicCity),
        new("city-climate-fit", "Climate-fit city", ThemeGroup.ThematicCity),
        new("city-corruption-free", "Corruption-free city", ThemeGroup.ThematicCity),
        new("city-cosmopolitan", "Cosmopolitan city", ThemeGroup.ThematicCity),
        new("city-creative", "Creative city", ThemeGroup.ThematicCity),
        new("city-decent", "Decent city", ThemeGroup.ThematicCity),
        new("city-cities-against-discrimination", "Cities against discrimination", ThemeGroup.ThematicCity),
        new("city-digital", "Digital city", ThemeGroup.ThematicCity),
        new("city-disability-friendly", "Disability-friendly city", ThemeGroup.ThematicCity),
        new("city-effective", "Effective city", ThemeGroup.ThematicCity),
        new("city-equitable", "Equitable city", ThemeGroup.ThematicCity),
        new("city-freedom", "Freedom city", ThemeGroup.ThematicCity),
        new("city-friendly", "Friendly city", ThemeGroup.ThematicCity),
        new("city-gender-sensitive", "Gender-sensitive city", ThemeGroup.ThematicCity),
        new("city-global", "Global city", ThemeGroup.ThematicCity),
        new("city-glocal", "Glocal city", ThemeGroup.ThematicCity),
        new("city-green", "Green city", ThemeGroup.ThematicCity),
        new("city-happy", "Happy city", ThemeGroup.ThematicCity),
        new("city-healthy", "Healthy city", ThemeGroup.ThematicCity),
        new("city-human", "Human city", ThemeGroup.ThematicCity),
        new("city-inclusive", "Inclusive city", ThemeGroup.ThematicCity),
        new("city-inclusive-and-sustainable", "Inclusive and sustainable city", ThemeGroup.ThematicCity),
        new("city-innovative", "Innovative city", ThemeGroup.ThematicCity),
        new("city-learning", "Learning city", ThemeGroup.ThematicCity),
        new("city-livable", "Livable city", ThemeGroup.ThematicCity),
        new("city-migration", "Migration city", ThemeGroup.ThematicCity),
        new("city-multi-cultural", "Multi-cultural city", ThemeGroup.ThematicCity),
        new("city-open", "Open city", ThemeGroup.ThematicCity),
        new("city-organic", "Organic city", ThemeGroup.ThematicCity),
        new("city-participatory", "Participatory city", ThemeGroup.ThematicCity),
        new("city-peace", "Peace city", ThemeGroup.ThematicCity),
        new("city-quality-of-living", "Quality of living city", ThemeGroup.ThematicCity),
        new("city-cities-against-racism", "Cities against racism", ThemeGroup.ThematicCity),
        new("city-rainbow", "Rainbow city", ThemeGroup.ThematicCity),
        new("city-rebel", "Rebel city", ThemeGroup.ThematicCity),
        new("city-resilient", "Resilient city", ThemeGroup.ThematicCity),
        new("city-right-to-the-city", "Right to the city", ThemeGroup.ThematicCity),
        new("city-safe", "Safe city", ThemeGroup.ThematicCity),
        new("city-self-sufficient", "Self-sufficient city", ThemeGroup.ThematicCity),
        new("city-sharing", "Sharing city", ThemeGroup.ThematicCity),
        new("city-shelter", "Shelter city", ThemeGroup.ThematicCity),
        new("city-slow", "Slow city", ThemeGroup.ThematicCity),
        new("city-solidarity", "Solidarity city", ThemeGroup.ThematicCity),
        new("city-smart", "Smart city", ThemeGroup.ThematicCity),
        new("city-sustainable", "Sustainable city", ThemeGroup.ThematicCity),
        new("city-tolerant", "Tolerant city", ThemeGroup.ThematicCity),
        new("city-transparent", "Transparent city", ThemeGroup.ThematicCity),
        new("city-zero-carbon", "Zero-carbon city", ThemeGroup.ThematicCity),
    ];

    private static readonly Dictionary<string, Theme> ByCode = All.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public static bool IsKnown(string code) => ByCode.ContainsKey(code);

    public static Theme? Find(string code) => ByCode.GetValueOrDefault(code);

    public static string LabelOf(string code) => ByCode.TryGetValue(code, out var theme) ? theme.Label : code;
}

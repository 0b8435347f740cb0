namespace HrcCommunity.Domain.Features.Networks;

/// <summary>
/// An international city network in the open directory. Every editable fact is a field listed in
/// <see cref="NetworkFields"/>, so editing, corrections, history and CSV import all treat it alike.
/// </summary>
public sealed class Network
{
    public const int SummaryMax = 600;
    public const int TextMax = 4000;

    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Acronym { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Mission { get; set; } = "";
    public string Mandate { get; set; } = "";
    public string KeyProjects { get; set; } = "";
    public int? MemberCount { get; set; }
    /// <summary>What the members are, in words: "cities", "cities and regions", "national associations".</summary>
    public string MemberKinds { get; set; } = "";
    public int? CountryCount { get; set; }
    /// <summary>A code from <see cref="NetworkVocabulary.Models"/>, or empty when not recorded.</summary>
    public string MembershipModel { get; set; } = "";
    public string MembershipNote { get; set; } = "";
    public int? FoundedYear { get; set; }
    public string Headquarters { get; set; } = "";
    /// <summary>Region codes separated by spaces.</summary>
    public string Regions { get; set; } = "";
    /// <summary>Theme codes (ThemeCatalog) separated by spaces.</summary>
    public string Themes { get; set; } = "";
    public string Website { get; set; } = "";
    public string Source { get; set; } = "";
    /// <summary>Practitioners' layer only: one contact person per line.</summary>
    public string Contacts { get; set; } = "";
    /// <summary>When someone last confirmed the entry's facts (an accepted correction, an edit, an import).</summary>
    public DateTime? LastConfirmedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DeletedAt { get; set; }
    /// <summary>Concurrency token; corrections remember the version they were proposed against.</summary>
    public int Version { get; set; }
}

/// <summary>One of our member cities belongs to an international network.</summary>
public sealed class NetworkMemberCity
{
    public int NetworkId { get; set; }
    public int MemberCityId { get; set; }
}

public enum CorrectionStatus
{
    Pending = 0,
    Accepted = 1,
    Rejected = 2,
}

/// <summary>A change to an entry proposed by anyone, waiting for a Coordinator.</summary>
public sealed class NetworkCorrection
{
    public long Id { get; set; }
    public int NetworkId { get; set; }
    /// <summary>The entry's version the proposer saw; a different current version makes the correction stale.</summary>
    public int BaseVersion { get; set; }
    /// <summary>JSON: field key to { old, new } as the proposer saw them.</summary>
    public string ChangesJson { get; set; } = "";
    public string Note { get; set; } = "";
    public string? Email { get; set; }
    public string? ProposedById { get; set; }
    public string ProposedByName { get; set; } = "";
    /// <summary>A hash of who proposed (account or address), to limit how often one source may propose.</summary>
    public string ProposerKey { get; set; } = "";
    public DateTime ProposedAt { get; set; }
    public CorrectionStatus Status { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecidedByName { get; set; }
    public string? DecisionNote { get; set; }
}

/// <summary>One line of an entry's history: who changed which fields, when and how.</summary>
public sealed class NetworkChange
{
    public long Id { get; set; }
    public int NetworkId { get; set; }
    public int Version { get; set; }
    /// <summary>created, edited, correction, imported, deleted.</summary>
    public string Kind { get; set; } = "";
    /// <summary>Field keys separated by spaces.</summary>
    public string Fields { get; set; } = "";
    public DateTime ChangedAt { get; set; }
    public string? ChangedById { get; set; }
    public string ChangedByName { get; set; } = "";
    public long? CorrectionId { get; set; }
}

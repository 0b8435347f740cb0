namespace HrcCommunity.Domain.Features.Members;

/// <summary>A guest member city: a reference city for bringing human rights into local policy.</summary>
public sealed class MemberCity
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Country { get; set; } = "";
    /// <summary>The year the city declared itself a human rights city, where it is on record.</summary>
    public int? DeclaredYear { get; set; }
    public string Summary { get; set; } = "";
    public string Profile { get; set; } = "";
    public string? Website { get; set; }
    /// <summary>Practitioners' layer only.</summary>
    public string? FocalContact { get; set; }
}

/// <summary>An associate member: an institute or organisation that lends the network expertise.</summary>
public sealed class AssociateMember
{
    public int Id { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Country { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Profile { get; set; } = "";
    public string? Website { get; set; }
}

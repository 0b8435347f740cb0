namespace HrcCommunity.Domain.Features.Drafts;

/// <summary>
/// What someone was typing into a form, saved as they type, so a dropped connection, a restart or
/// a closed tab does not lose it. One per person and form (the key names the form and its record).
/// </summary>
public sealed class Draft
{
    public const int KeyMax = 200;
    public const int ContentMax = 200_000;

    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public string Key { get; set; } = "";
    /// <summary>The form's fields as JSON; the page that wrote it is the only one that reads it.</summary>
    public string Content { get; set; } = "";
    public DateTime SavedAt { get; set; }
}

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>
/// One request to download one's personal data. The row decides what the build job already did:
/// a completed export is never built or emailed twice.
/// </summary>
public sealed class DataExport
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTime RequestedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    /// <summary>SHA-256 of the emailed link's token; the token itself is never stored.</summary>
    public string? TokenHash { get; set; }
    /// <summary>The archive's file name under the data folder's exports folder.</summary>
    public string? StoredName { get; set; }
}

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>
/// What Coordinators see of a deleted account: that one was deleted, and when. Nothing here
/// says whose it was, by design.
/// </summary>
public sealed class AccountDeletion
{
    public long Id { get; set; }
    public DateTime DeletedAt { get; set; }
    public bool ContributionsKept { get; set; }
}

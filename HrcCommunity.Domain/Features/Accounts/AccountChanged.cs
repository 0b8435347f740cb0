namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>Live event: an account was registered, approved or rejected.</summary>
public sealed record AccountChanged(string UserId, ApprovalStatus Status)
{
    /// <summary>The approval queue's topic; each account also has its own topic (its id).</summary>
    public const string QueueTopic = "accounts/queue";
}

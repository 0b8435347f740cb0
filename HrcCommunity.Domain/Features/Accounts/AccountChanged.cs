namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>Live event: an account was registered, approved or rejected.</summary>
public sealed record AccountChanged(string UserId, ApprovalStatus Status)
{
    /// <summary>The approval queue's topic.</summary>
    public const string QueueTopic = "accounts/queue";

    /// <summary>One account's own topic: its pending page, its open circuits and hub connections follow it.</summary>
    public static string AccountTopic(string userId) => $"accounts/user/{userId}";
}

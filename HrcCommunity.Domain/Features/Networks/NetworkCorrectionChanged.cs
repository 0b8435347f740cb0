namespace HrcCommunity.Domain.Features.Networks;

/// <summary>Live event: a correction was proposed, accepted or rejected.</summary>
public sealed record NetworkCorrectionChanged(long CorrectionId, string NetworkSlug, CorrectionStatus Status)
{
    /// <summary>The Coordinators' corrections queue.</summary>
    public const string QueueTopic = "networks/corrections";
}

namespace HrcCommunity.Domain.Features.Knowledge;

/// <summary>Live event: a practice was submitted, changed or reviewed.</summary>
public sealed record PracticeChanged(string Slug, PracticeStatus Status)
{
    /// <summary>The coordinators' review queue.</summary>
    public const string QueueTopic = "practices/queue";

    /// <summary>One submitter's own submissions.</summary>
    public static string SubmitterTopic(string userId) => $"practices/submitter/{userId}";
}

namespace HrcCommunity.Domain.Features.Questions;

/// <summary>
/// Live change: a question was asked, claimed, answered, published or otherwise changed; with its state and holder
/// after the change, so the queue updates a row without a query.
/// </summary>
public sealed record QuestionChanged(int QuestionId, QuestionState State, QuestionAction Action, string? HolderId = null, string? HolderName = null)
{
    /// <summary>The triage queue's topic, also the SignalR hub group of the same name.</summary>
    public const string QueueTopic = "questions-queue";

    /// <summary>One question's own topic, for its detail page.</summary>
    public static string TopicOf(int questionId) => $"questions/{questionId}";

    /// <summary>
    /// The asker's topic, for the status page: named by the hash of the private status link, so that knowing the link
    /// is what lets one follow it, as it is what lets one read the page.
    /// </summary>
    public static string StatusTopic(string statusTokenHash) => $"questions/status/{statusTokenHash}";

    public static string StatusTopicForLink(string statusToken) => StatusTopic(StatusLinks.Hash(statusToken));
}

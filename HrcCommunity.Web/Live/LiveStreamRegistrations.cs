using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Live;

namespace HrcCommunity.Web.Live;

/// <summary>
/// Every live stream in one list: its topics, who may follow them (Domain's rules on <see cref="Actor"/>), what hub
/// clients receive and through which <see cref="ILiveClient"/> method. Pages and <c>/hubs/live</c> both ask these.
/// </summary>
public static class LiveStreamRegistrations
{
    public static IServiceCollection AddLiveStreams(this IServiceCollection services)
    {
        Add<QuestionChanged, QuestionMessage>(services,
            topic => topic == QuestionChanged.QueueTopic || IsQuestionTopic(topic) || topic.StartsWith(QuestionChanged.StatusTopic(""), StringComparison.Ordinal),
            // The asker's topic is named by the hash of their private link: knowing it is the right to follow it.
            (actor, topic) => actor.CanTriageQuestions || topic.StartsWith(QuestionChanged.StatusTopic(""), StringComparison.Ordinal),
            c => new QuestionMessage(c.QuestionId, c.State.ToString(), c.Action.ToString()),
            (client, message) => client.QuestionChanged(message));

        Add<PresenceChanged, PresenceMessage>(services,
            topic => topic == QuestionChanged.QueueTopic,
            (actor, _) => actor.CanTriageQuestions,
            c => new PresenceMessage(c.Count, c.Joined.Select(m => new PresenceMemberMessage(m.UserId, m.DisplayName)).ToList(), c.LeftUserIds),
            (client, message) => client.PresenceChanged(message));

        Add<PracticeChanged, PracticeMessage>(services,
            topic => topic == PracticeChanged.QueueTopic || topic.StartsWith(PracticeChanged.SubmitterTopic(""), StringComparison.Ordinal),
            (actor, topic) => topic == PracticeChanged.QueueTopic
                ? actor.CanCoordinate
                : actor.CanSeePractitionerLayer && topic == PracticeChanged.SubmitterTopic(actor.UserId ?? ""),
            c => new PracticeMessage(c.Slug, c.Status.ToString()),
            (client, message) => client.PracticeChanged(message));

        Add<AccountChanged, AccountMessage>(services,
            topic => topic == AccountChanged.QueueTopic || topic.StartsWith(AccountChanged.AccountTopic(""), StringComparison.Ordinal),
            (actor, topic) => topic == AccountChanged.QueueTopic
                ? actor.CanCoordinate
                : actor.IsAuthenticated && topic == AccountChanged.AccountTopic(actor.UserId!),
            c => new AccountMessage(c.UserId, c.Status.ToString()),
            (client, message) => client.AccountChanged(message));

        Add<NetworkCorrectionChanged, CorrectionMessage>(services,
            topic => topic == NetworkCorrectionChanged.QueueTopic,
            (actor, _) => actor.CanCoordinate,
            c => new CorrectionMessage(c.CorrectionId, c.NetworkSlug, c.Status.ToString()),
            (client, message) => client.CorrectionChanged(message));

        Add<NotificationChanged, NotificationMessage>(services,
            topic => topic.StartsWith(NotificationChanged.TopicOf(""), StringComparison.Ordinal),
            (actor, topic) => actor.CanSeePractitionerLayer && topic == NotificationChanged.TopicOf(actor.UserId!),
            c => new NotificationMessage(c.Change.ToString(), c.NotificationId, c.Item?.Text, c.Item?.Link),
            (client, message) => client.NotificationChanged(message));

        services.AddSingleton<LiveStreams>();
        services.AddSingleton<LiveHubForwarding>();
        services.AddSingleton<LiveHubMembers>();
        services.AddHostedService<LiveHubRevalidation>();
        return services;
    }

    private static bool IsQuestionTopic(string topic) =>
        topic.StartsWith("questions/", StringComparison.Ordinal) && int.TryParse(topic.AsSpan("questions/".Length), out var id)
        && topic == QuestionChanged.TopicOf(id);

    private static void Add<TChange, TMessage>(IServiceCollection services, Func<string, bool> covers, Func<Actor, string, bool> mayFollow,
        Func<TChange, TMessage> toMessage, Func<ILiveClient, LiveMessage<TMessage>, Task> send) =>
        services.AddSingleton<LiveStream>(new LiveStream<TChange, TMessage>(covers, mayFollow, toMessage, send));
}

using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Domain.Features.Dialogues;
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
        services.AddScoped<CircuitPresence>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(sp => sp.GetRequiredService<CircuitPresence>());
        Add<QuestionChanged, QuestionMessage>(services,
            topic => topic == QuestionChanged.QueueTopic || IsQuestionTopic(topic) || topic.StartsWith(QuestionChanged.StatusTopic(""), StringComparison.Ordinal),
            // The asker's topic is named by the hash of their private link: knowing it is the right to follow it.
            (actor, topic) => actor.CanTriageQuestions || topic.StartsWith(QuestionChanged.StatusTopic(""), StringComparison.Ordinal),
            c => new QuestionMessage(c.QuestionId, c.State.ToString(), c.Action.ToString()),
            (client, message) => client.QuestionChanged(message));

        services.AddSingleton<LiveStream>(sp => new LiveStream<PresenceChanged, PresenceMessage>(
            topic => topic == QuestionChanged.QueueTopic || DialogueAccess.TryParseTopic(topic, out _),
            (actor, topic) => topic == QuestionChanged.QueueTopic
                ? ValueTask.FromResult(actor.CanTriageQuestions)
                : sp.GetRequiredService<DialogueAccess>().MayFollowAsync(actor, topic),
            c => new PresenceMessage(c.Count, c.Joined.Select(m => new PresenceMemberMessage(m.UserId, m.DisplayName, m.City)).ToList(), c.LeftUserIds),
            (client, message) => client.PresenceChanged(message)));

        // A dialogue room: its confirmed participants, organiser and Coordinators (DialogueAccess, the page's rule too). A new
        // message goes out flat as messagePosted and not also as roomChanged: one change, one delivery, so a client that
        // listens to both neither shows a message twice nor sees a gap in the shared sequence.
        services.AddSingleton<LiveStream>(sp => new LiveStream<RoomChange, RoomChangeMessage>(
            topic => DialogueAccess.TryParseTopic(topic, out _),
            (actor, topic) => sp.GetRequiredService<DialogueAccess>().MayFollowAsync(actor, topic),
            c => new RoomChangeMessage(c.Kind, c),
            (client, message) => message.Change.Change is MessagePosted { Message: var m }
                ? client.MessagePosted(new RoomPostMessage(m.Id, message.Topic, message.Seq, m.AuthorName, m.City, m.Text, m.ClientMessageId,
                    m.SentAt, m.ParentId))
                : client.RoomChanged(message)));

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

        // A board's rule needs its workshop's registrations: BoardAccess reads them (cached briefly) from the database. It is
        // resolved when a board topic is first judged, so containers without Domain (component tests) can still list the streams.
        Add<BoardChanged, BoardMessage>(services, topic => BoardAccess.TryParseTopic(topic, out _),
            sp => (actor, topic) => sp.GetRequiredService<BoardAccess>().MayFollow(actor, topic),
            c => new BoardMessage(c.Kind.ToString(), c.NoteId, c.Note is { } n
                ? new BoardNoteMessage(n.Id, n.ColumnId, n.Position, n.Text, n.Colour.ToString(), n.AuthorName, n.ClusterId, n.Version)
                : null, c.Order, c.Totals),
            (client, message) => client.BoardChanged(message));

        Add<PresenceChanged, PresenceMessage>(services, topic => BoardAccess.TryParseTopic(topic, out _),
            sp => (actor, topic) => sp.GetRequiredService<BoardAccess>().MayFollow(actor, topic),
            c => new PresenceMessage(c.Count, c.Joined.Select(m => new PresenceMemberMessage(m.UserId, m.DisplayName, m.City)).ToList(), c.LeftUserIds),
            (client, message) => client.PresenceChanged(message));
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

    /// <summary>A stream whose rule needs nothing but the actor and the topic.</summary>
    private static void Add<TChange, TMessage>(IServiceCollection services, Func<string, bool> covers, Func<Actor, string, bool> mayFollow,
        Func<TChange, TMessage> toMessage, Func<ILiveClient, LiveMessage<TMessage>, Task> send) =>
        services.AddSingleton<LiveStream>(new LiveStream<TChange, TMessage>(covers, (actor, topic) => ValueTask.FromResult(mayFollow(actor, topic)),
            toMessage, send));

    /// <summary>A stream whose synchronous rule needs services: built when the streams are first listed, not at registration.</summary>
    private static void Add<TChange, TMessage>(IServiceCollection services, Func<string, bool> covers,
        Func<IServiceProvider, Func<Actor, string, bool>> mayFollow, Func<TChange, TMessage> toMessage, Func<ILiveClient, LiveMessage<TMessage>, Task> send) =>
        services.AddSingleton<LiveStream>(sp =>
        {
            var rule = mayFollow(sp);
            return new LiveStream<TChange, TMessage>(covers, (actor, topic) => ValueTask.FromResult(rule(actor, topic)), toMessage, send);
        });
}

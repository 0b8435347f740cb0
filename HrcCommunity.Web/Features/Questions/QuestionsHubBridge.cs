using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Domain.Live;
using HrcCommunity.Web.Live;
using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Features.Questions;

/// <summary>
/// The second door to the queue's stream: forwards every QuestionChanged to the hub group of the same
/// name, so clients other than Blazor circuits see what the queue page sees. Registering the topic's
/// rule here, at start (before the server takes requests), keeps the feature's wiring in one place.
/// </summary>
public sealed class QuestionsHubBridge(
    ILiveNotifier<QuestionChanged> notifier,
    LiveTopics topics,
    IHubContext<LiveHub> hub,
    ILogger<QuestionsHubBridge> logger) : IHostedService
{
    public const string HubMethod = "questionChanged";

    private IDisposable? _subscription;

    public static bool MayFollowQueue(Domain.Common.Actor actor) => actor.CanTriageQuestions;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        topics.Add(topic => topic == QuestionChanged.QueueTopic, MayFollowQueue);
        _subscription = notifier.Subscribe(QuestionChanged.QueueTopic, async liveEvent =>
        {
            var changed = liveEvent.Change;
            try
            {
                await hub.Clients.Group(QuestionChanged.QueueTopic).SendAsync(HubMethod,
                    new { changed.QuestionId, State = changed.State.ToString(), Action = changed.Action.ToString() });
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not forward question {QuestionId} to the hub", changed.QuestionId);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}

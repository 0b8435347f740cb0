using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Live;

/// <summary>
/// The one SignalR hub for clients other than Blazor circuits (scripts, kiosks, other apps).
/// Each feature adds its topics to <see cref="LiveTopics"/>; joining checks the same rules the pages do,
/// with the caller's account as it is now (<see cref="LiveHubMembers"/>), not as it was when they connected.
/// </summary>
public sealed class LiveHub(LiveTopics topics, LiveHubMembers members) : Hub
{
    public async Task Join(string topic)
    {
        var actor = await members.CurrentActorAsync(Context.User, Context.ConnectionAborted);
        if (!topics.MayJoin(actor, topic)) throw new HubException("You may not follow that topic.");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        members.Joined(Context.ConnectionId, Context.User, topic);
    }

    public Task Leave(string topic)
    {
        members.Left(Context.ConnectionId, topic);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        members.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

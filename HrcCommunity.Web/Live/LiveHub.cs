using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Live;

/// <summary>
/// The one SignalR hub for clients other than Blazor circuits (scripts, kiosks, other apps). Joining a topic checks
/// the rule of every stream that covers it (<see cref="LiveStreams"/>, the same rules the pages use), with the caller's
/// account as it is now (<see cref="LiveHubMembers"/>), not as it was when they connected.
/// </summary>
public sealed class LiveHub(LiveStreams streams, LiveHubMembers members) : Hub<ILiveClient>
{
    public async Task Join(string topic)
    {
        var actor = await members.CurrentActorAsync(Context.User, Context.ConnectionAborted);
        if (!await streams.MayJoinAsync(actor, topic)) throw new HubException("You may not follow that topic.");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        members.Joined(Context.ConnectionId, Context.User, topic);
    }

    public async Task Leave(string topic)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
        members.Left(Context.ConnectionId, topic);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        members.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

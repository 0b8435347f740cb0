using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Dialogues;
using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Live;

/// <summary>
/// The one SignalR hub for clients other than Blazor circuits (scripts, kiosks, other apps). Joining a topic checks
/// the rule of every stream that covers it (<see cref="LiveStreams"/>, the same rules the pages use), with the caller's
/// account as it is now (<see cref="LiveHubMembers"/>), not as it was when they connected.
/// </summary>
public sealed class LiveHub(LiveStreams streams, LiveHubMembers members, DialogueRoomService rooms) : Hub<ILiveClient>
{
    public async Task Join(string topic)
    {
        var actor = await members.CurrentActorAsync(Context.User, Context.ConnectionAborted);
        if (!await streams.MayJoinAsync(actor, topic)) throw new HubException("You may not follow that topic.");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
        await members.JoinedAsync(Context.ConnectionId, Context.User, topic);
    }

    public async Task Leave(string topic)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
        members.Left(Context.ConnectionId, topic);
    }

    /// <summary>
    /// Posts to a dialogue room under the room page's rules (access, mute, lock, flood, length) and returns the message's
    /// id; a retry with the same <paramref name="clientMessageId"/> returns the first one's id. A refusal reaches the
    /// caller as a HubException with the room's own words; the connection stays up.
    /// </summary>
    public async Task<long> Post(string topic, string text, string clientMessageId)
    {
        if (!DialogueAccess.TryParseTopic(topic ?? "", out var eventId))
            throw new HubException("Only a dialogue room (\"room:{id}\") takes posts.");
        var actor = await members.CurrentActorAsync(Context.User, Context.ConnectionAborted);
        try
        {
            // Not the connection's token: a post cut off between its write and its announcement would be saved but never
            // shown live; once started, it finishes.
            return (await rooms.PostAsync(actor, eventId, text, clientMessageId: clientMessageId)).Id;
        }
        catch (DomainException ex)
        {
            throw new HubException(ex.Message);
        }
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        members.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

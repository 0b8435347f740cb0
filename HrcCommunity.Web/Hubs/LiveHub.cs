using HrcCommunity.Web.Features.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Hubs;

/// <summary>
/// The one SignalR hub for clients other than Blazor circuits (scripts, kiosks, other apps).
/// Each feature adds its topics to <see cref="LiveTopics"/>; joining checks the same rules the pages do.
/// </summary>
public sealed class LiveHub(LiveTopics topics) : Hub
{
    public async Task Join(string topic)
    {
        var actor = Context.User?.ToActor() ?? Domain.Common.Actor.Anonymous;
        if (!topics.MayJoin(actor, topic)) throw new HubException("You may not follow that topic.");
        await Groups.AddToGroupAsync(Context.ConnectionId, topic);
    }

    public Task Leave(string topic) => Groups.RemoveFromGroupAsync(Context.ConnectionId, topic);
}

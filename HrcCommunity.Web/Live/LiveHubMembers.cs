using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Live;
using HrcCommunity.Web.Features.Accounts;
using Microsoft.AspNetCore.SignalR;

namespace HrcCommunity.Web.Live;

/// <summary>
/// Which hub connection follows which topic, as whom. A connection keeps the principal it connected with, so
/// the topic rules are judged again with the account as it is now: when it changes, and every
/// Hrc:Accounts:RefreshClaimsEvery (see <see cref="LiveHubRevalidation"/>). A connection that may no longer
/// follow a topic leaves its group and is told with <see cref="ILiveClient.TopicRevoked"/>.
/// </summary>
public sealed class LiveHubMembers(
    LiveStreams streams,
    LiveHubForwarding forwarding,
    IHubContext<LiveHub, ILiveClient> hub,
    ILiveNotifier<AccountChanged> accounts,
    IServiceScopeFactory scopes,
    ILogger<LiveHubMembers> logger)
{
    private readonly ConcurrentDictionary<string, Member> _members = new();
    private readonly Dictionary<string, (IDisposable Subscription, int Connections)> _watched = [];

    /// <summary>The caller as Domain sees them now: roles and approval from the database, not the connection's claims.</summary>
    public async Task<Actor> CurrentActorAsync(ClaimsPrincipal? user, CancellationToken ct)
    {
        if (user?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId) return Actor.Anonymous;
        await using var scope = scopes.CreateAsyncScope();
        if (user.FindFirstValue(TokenAuthentication.TokenIdClaim) is { } tokenId
            && !await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
                .IsActiveAsync(int.Parse(tokenId, CultureInfo.InvariantCulture), ct))
            return Actor.Anonymous;
        try
        {
            var status = await scope.ServiceProvider.GetRequiredService<AccountApprovalService>().GetStatusAsync(userId, ct);
            return new Actor(userId, user.FindFirstValue(HrcClaims.DisplayName) ?? "", status.Roles.ToHashSet(StringComparer.Ordinal),
                status.Status == ApprovalStatus.Approved);
        }
        catch (NotFoundException)
        {
            return Actor.Anonymous;
        }
    }

    /// <summary>
    /// Completes when the topic's changes reach the connection: Join answers only then, so a client that posts or
    /// waits for a change right after joining hears it. The account is watched from now on without waiting.
    /// </summary>
    public Task JoinedAsync(string connectionId, ClaimsPrincipal? user, string topic)
    {
        var member = _members.GetOrAdd(connectionId, _ => new Member(user ?? new ClaimsPrincipal()));
        bool added;
        lock (member.Topics) added = member.Topics.Add(topic);
        var following = added ? forwarding.RetainAsync(topic, connectionId) : Task.CompletedTask;
        if (member.UserId is { } userId && Interlocked.Exchange(ref member.Counted, 1) == 0) Watch(userId);
        return following;
    }

    public void Left(string connectionId, string topic)
    {
        if (!_members.TryGetValue(connectionId, out var member)) return;
        bool removed;
        lock (member.Topics) removed = member.Topics.Remove(topic);
        if (removed) forwarding.Release(topic, connectionId);
    }

    public void Disconnected(string connectionId)
    {
        if (!_members.TryRemove(connectionId, out var member)) return;
        List<string> topics;
        lock (member.Topics)
        {
            topics = [.. member.Topics];
            member.Topics.Clear();
        }
        foreach (var topic in topics) forwarding.Release(topic, connectionId);
        if (member.UserId is { } userId && Volatile.Read(ref member.Counted) == 1) Unwatch(userId);
    }

    /// <summary>Judges every signed-in connection's topics again.</summary>
    public async Task RevalidateAllAsync(CancellationToken ct)
    {
        foreach (var userId in _members.Values.Select(m => m.UserId).OfType<string>().Distinct().ToList())
            await RevalidateUserAsync(userId, ct);
    }

    public async Task RevalidateUserAsync(string userId, CancellationToken ct)
    {
        foreach (var (connectionId, member) in _members.Where(m => m.Value.UserId == userId).ToList())
        {
            var actor = await CurrentActorAsync(member.User, ct);
            List<string> topics;
            lock (member.Topics) topics = [.. member.Topics];
            foreach (var topic in topics)
            {
                if (await streams.MayJoinAsync(actor, topic)) continue;
                Left(connectionId, topic);
                await hub.Groups.RemoveFromGroupAsync(connectionId, topic, ct);
                await hub.Clients.Client(connectionId).TopicRevoked(topic);
            }
        }
    }

    private void Watch(string userId)
    {
        lock (_watched)
        {
            if (_watched.TryGetValue(userId, out var watched))
            {
                _watched[userId] = watched with { Connections = watched.Connections + 1 };
                return;
            }
            _watched[userId] = (accounts.Subscribe(AccountChanged.AccountTopic(userId), async _ =>
            {
                try
                {
                    await RevalidateUserAsync(userId, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    logger.LogWarning(ex, "Could not judge hub topics again after an account changed");
                }
            }), 1);
        }
    }

    private void Unwatch(string userId)
    {
        lock (_watched)
        {
            if (!_watched.TryGetValue(userId, out var watched)) return;
            if (watched.Connections > 1)
            {
                _watched[userId] = watched with { Connections = watched.Connections - 1 };
                return;
            }
            watched.Subscription.Dispose();
            _watched.Remove(userId);
        }
    }

    private sealed class Member(ClaimsPrincipal user)
    {
        public ClaimsPrincipal User { get; } = user;
        public string? UserId { get; } = user.FindFirstValue(ClaimTypes.NameIdentifier);
        public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);
        /// <summary>1 once this connection counts toward its user's account subscription.</summary>
        public int Counted;
    }
}

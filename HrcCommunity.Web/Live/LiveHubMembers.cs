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
        var member = new Member(user ?? new ClaimsPrincipal());
        var actors = await CurrentActorsAsync([member], ct);
        return actors[member];
    }

    /// <summary>
    /// Many connections' people as they are now, in a few queries whatever their number: a connection whose token was
    /// revoked or expired, or whose account is gone, is anonymous.
    /// </summary>
    private async Task<Dictionary<Member, Actor>> CurrentActorsAsync(IReadOnlyCollection<Member> members, CancellationToken ct)
    {
        var signedIn = members.Where(m => m.UserId is not null).ToList();
        if (signedIn.Count == 0) return members.ToDictionary(m => m, _ => Actor.Anonymous);
        await using var scope = scopes.CreateAsyncScope();
        var activeTokens = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokenService>()
            .ActiveAmongAsync(signedIn.Select(m => m.TokenId).OfType<int>(), ct);
        var statuses = await scope.ServiceProvider.GetRequiredService<AccountApprovalService>().GetStatusesAsync(signedIn.Select(m => m.UserId!), ct);
        return members.ToDictionary(m => m, m =>
            m.UserId is not { } userId || (m.TokenId is { } token && !activeTokens.Contains(token)) || !statuses.TryGetValue(userId, out var status)
                ? Actor.Anonymous
                : new Actor(userId, m.User.FindFirstValue(HrcClaims.DisplayName) ?? "", status.Roles.ToHashSet(StringComparer.Ordinal),
                    status.Status == ApprovalStatus.Approved));
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

    /// <summary>Judges every signed-in connection's topics again, reading every account and token at once.</summary>
    public Task RevalidateAllAsync(CancellationToken ct) => RevalidateAsync(_members.ToArray(), ct);

    public Task RevalidateUserAsync(string userId, CancellationToken ct) =>
        RevalidateAsync(_members.Where(m => m.Value.UserId == userId).ToArray(), ct);

    private async Task RevalidateAsync(KeyValuePair<string, Member>[] connections, CancellationToken ct)
    {
        var signedIn = connections.Where(c => c.Value.UserId is not null).ToArray();
        if (signedIn.Length == 0) return;
        var actors = await CurrentActorsAsync(signedIn.Select(c => c.Value).ToList(), ct);
        foreach (var (connectionId, member) in signedIn)
        {
            List<string> topics;
            lock (member.Topics) topics = [.. member.Topics];
            foreach (var topic in topics)
            {
                if (await streams.MayJoinAsync(actors[member], topic)) continue;
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
        /// <summary>The personal access token the connection signed in with, if it did; an unreadable id is one no token has.</summary>
        public int? TokenId { get; } = user.FindFirstValue(TokenAuthentication.TokenIdClaim) is not { } claim ? null
            : int.TryParse(claim, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1;
        public HashSet<string> Topics { get; } = new(StringComparer.Ordinal);
        /// <summary>1 once this connection counts toward its user's account subscription.</summary>
        public int Counted;
    }
}

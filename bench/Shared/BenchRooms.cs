using System.Collections.Concurrent;
using System.Diagnostics;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using Microsoft.AspNetCore.Identity;

namespace HrcCommunity.Bench;

/// <summary>Dialogue rooms of registered practitioners, and the Node hub clients (room-clients.js) that sit in them.</summary>
internal static class BenchRooms
{
    /// <summary>How a warm-up post's text starts: room-clients.js does not count those.</summary>
    public const string WarmUpText = "Warm-up message";

    /// <summary>An event with <paramref name="size"/> approved practitioners, all confirmed: its room's members.</summary>
    public static async Task<(int EventId, List<Actor> Members)> AddRoomAsync(HrcDbContext db, string practitionerRoleId, int size, string title)
    {
        var now = DateTime.UtcNow;
        var members = Enumerable.Range(0, size).Select(i => new AppUser
        {
            UserName = $"{Guid.NewGuid():N}@bench.local", Email = $"{Guid.NewGuid():N}@bench.local", DisplayName = $"{title} member {i}",
            City = i % 2 == 0 ? "Lund" : "Graz", Organisation = "Bench", ApprovalStatus = ApprovalStatus.Approved, RegisteredAt = now,
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(members);
        db.UserRoles.AddRange(members.Select(m => new IdentityUserRole<string> { UserId = m.Id, RoleId = practitionerRoleId }));
        var ev = new CommunityEvent
        {
            Uid = $"{Guid.NewGuid():N}@bench", Title = title, StartsAtUtc = now, EndsAtUtc = now.AddHours(2), TimeZone = "UTC",
            Capacity = size, OrganiserId = members[0].Id, OrganiserName = members[0].DisplayName, CreatedAt = now, UpdatedAt = now,
        };
        db.CommunityEvents.Add(ev);
        await db.SaveChangesAsync();
        db.EventRegistrations.AddRange(members.Select((m, i) => new EventRegistration
        {
            EventId = ev.Id, UserId = m.Id, Status = RegistrationStatus.Confirmed, Seat = i + 1, RegisteredAt = now, QueuedAt = now,
        }));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        return (ev.Id, members.Select(m => new Actor(m.Id, m.DisplayName, new HashSet<string> { Roles.Practitioner }, true)).ToList());
    }

    /// <summary>
    /// Starts room-clients.js on a file of "room token group [hub url]" lines and waits until every client has joined;
    /// <see cref="RoomClients.ResultsAsync"/> then gives its RESULT lines once the room has been quiet for 10 s.
    /// </summary>
    public static RoomClients StartClients(string membersFile, string? hubUrl = null)
    {
        var start = new ProcessStartInfo("node", Path.Combine(AppContext.BaseDirectory, "room-clients.js"))
        { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NODE_PATH"] = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../node_modules"));
        if (hubUrl is not null) start.Environment["HUB_URL"] = hubUrl;
        start.Environment["MEMBERS"] = membersFile;
        var clients = new RoomClients(Process.Start(start)!);
        for (var line = clients.Next(); line != "READY"; line = clients.Next())
            if (line.StartsWith("FAILED", StringComparison.Ordinal)) throw new InvalidOperationException(line);
        return clients;
    }
}

internal sealed class RoomClients : IDisposable
{
    private readonly Process _node;
    private readonly BlockingCollection<string> _output = new();

    public RoomClients(Process node)
    {
        _node = node;
        node.OutputDataReceived += (_, e) => { if (e.Data is not null) _output.Add(e.Data); };
        node.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("node: " + e.Data); };
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
    }

    public string Next() => _output.TryTake(out var line, TimeSpan.FromMinutes(5)) ? line : throw new TimeoutException("Node went quiet.");

    /// <summary>Each group's "deliveries/s p50 p95 p99 max delivered" line, underscores in the group's name as spaces.</summary>
    public async Task<IReadOnlyList<string>> ResultsAsync()
    {
        var results = new List<string>();
        for (var line = Next(); line != "DONE"; line = Next())
            if (line.StartsWith("RESULT ", StringComparison.Ordinal)) results.Add(line["RESULT ".Length..].Replace('_', ' '));
        await _node.WaitForExitAsync();
        return results;
    }

    public void Dispose() => _node.Dispose();
}

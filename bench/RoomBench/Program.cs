using System.Collections.Concurrent;
using System.Diagnostics;
using HrcCommunity.Bench;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Dialogues;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// The real app on a loopback port and a fresh data folder: 20 dialogue rooms of 50 registered practitioners and one of
// 1,000, each member a hub client (Node, @microsoft/signalr, one connection and personal access token each) in its room.
// Phase 1, delivery: open-loop posters post through DialogueRoomService (the page's and the hub's path: rules, database
// write, then publish) into every room at once; Node measures each messagePosted from its sentAt to its arrival.
// Phase 2, chat send: with the hub clients gone, posts at a fixed rate across the 20 small rooms; this process times each
// PostAsync, the database write included. Before delivery, the same posts run for the warm-up's seconds, uncounted, so
// the phases measure the code at its final tier, as a server that has been up for a while runs it (0 measures it cold).
var bigRate = args.Length > 0 ? double.Parse(args[0]) : 5;
var smallRate = args.Length > 1 ? double.Parse(args[1]) : 1;
var sendRate = args.Length > 2 ? int.Parse(args[2]) : 500;
var seconds = args.Length > 3 ? int.Parse(args[3]) : 10;
var blazorCircuits = args.Length > 4 ? int.Parse(args[4]) : 100;
var sendSeconds = args.Length > 5 ? int.Parse(args[5]) : 5;
var warmUpSeconds = args.Length > 6 ? int.Parse(args[6]) : 30;

var (builder, dataFolder) = BenchApp.CreateBuilder("roombench");
BlazorCircuits.PrepareForBrowsers(builder);
await using var app = await BenchApp.StartAsync(builder);

var clock = Stopwatch.StartNew();
var rooms = new List<(int EventId, List<Actor> Members, string Group)>();
await using (var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync())
{
    var roleId = await db.Roles.Where(r => r.Name == Roles.Practitioner).Select(r => r.Id).FirstAsync();
    foreach (var (size, group) in Enumerable.Repeat((50, "20 x 50"), 20).Append((1000, "1 x 1,000")))
    {
        var (eventId, members) = await BenchRooms.AddRoomAsync(db, roleId, size, $"Bench room {rooms.Count}");
        rooms.Add((eventId, members, group));
    }
}
var tokens = app.Services.GetRequiredService<PersonalAccessTokenService>();
var membersFile = Path.Combine(dataFolder, "members.txt");
var lines = new ConcurrentBag<string>();
await Parallel.ForEachAsync(rooms.SelectMany(r => r.Members.Select(m => (r.EventId, Member: m, r.Group))), new ParallelOptions { MaxDegreeOfParallelism = 4 },
    async (x, ct) => lines.Add($"{x.EventId} {(await tokens.CreateAsync(x.Member, "bench", TokenScope.Read, 30, ct)).Secret} {x.Group.Replace(" ", "_")}"));
await File.WriteAllLinesAsync(membersFile, lines);
Console.WriteLine($"{rooms.Sum(r => r.Members.Count)} members in {rooms.Count} rooms, with tokens, in {clock.Elapsed.TotalSeconds:F0} s; machine: {File.ReadAllText("/proc/loadavg").Trim()}");

// Before the hub clients, which give up after 120 s without a message; opening 100 pages took 7 minutes here.
// The room's last members: the posters take turns from its first ones, and a page skips its own person's messages.
var big = rooms.Single(r => r.Members.Count == 1000);
await using var circuits = await BlazorCircuits.OpenAsync(app, big.EventId, big.Members.TakeLast(blazorCircuits));
Console.WriteLine($"{circuits.Count} Blazor circuits in the 1,000 room at {clock.Elapsed.TotalSeconds:F0} s");

using var node = BenchRooms.StartClients(membersFile, app.Urls.First() + "/hubs/live");
Console.WriteLine($"hub clients joined at {clock.Elapsed.TotalSeconds:F0} s; delivery: {bigRate}/s into the 1,000 room, {smallRate}/s into each 50 room, {seconds} s after {warmUpSeconds} s of warm-up");

var service = app.Services.GetRequiredService<DialogueRoomService>();
var failures = 0;
var errors = 0;
async Task PostOpenLoopAsync((int EventId, List<Actor> Members, string Group) room, double rate, int count, ConcurrentBag<(double At, double Took)>? timings,
    string text = "Bench message")
{
    var pace = Stopwatch.StartNew();
    var pending = new List<Task>();
    for (var n = 0; n < count; n++)
    {
        var due = TimeSpan.FromSeconds(n / rate);
        if (pace.Elapsed < due) await Task.Delay(due - pace.Elapsed);
        // Posters take turns, so nobody meets the room's flood limit (8 in 10 s).
        var poster = room.Members[n % room.Members.Count];
        var message = $"{text} {n} in room {room.EventId}";
        pending.Add(Task.Run(async () =>
        {
            var at = pace.Elapsed.TotalSeconds;
            var took = Stopwatch.StartNew();
            try
            {
                await service.PostAsync(poster, room.EventId, message);
                timings?.Add((at, took.Elapsed.TotalMilliseconds));
            }
            catch (DomainException) { Interlocked.Increment(ref failures); }
            catch (Exception ex)
            {
                // Reported, not fatal: a post the app could not write (e.g. SQLite busy past its timeout) is a result too.
                Interlocked.Increment(ref errors);
                Console.Error.WriteLine($"post failed: {ex.GetType().Name}: {ex.InnerException?.Message ?? ex.Message}");
            }
        }));
    }
    await Task.WhenAll(pending);
}

double RateOf((int EventId, List<Actor> Members, string Group) room) => room.Members.Count > 50 ? bigRate : smallRate;
await Task.WhenAll(rooms.Select(r => PostOpenLoopAsync(r, RateOf(r), (int)(RateOf(r) * warmUpSeconds), null, BenchRooms.WarmUpText)));
var deliveryWatch = new ProcessWatch();
await Task.WhenAll(rooms.Select(r => PostOpenLoopAsync(r, RateOf(r), (int)(RateOf(r) * seconds), null)));
deliveryWatch.Dispose();
Console.WriteLine($"{"room group",-21} {"deliveries/s",13} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"delivered",10}");
foreach (var result in await node.ResultsAsync()) Console.WriteLine(result);
Console.WriteLine(await circuits.ResultAsync());
Console.WriteLine($"during delivery: {deliveryWatch}");

// The 2,000 hub clients have just closed their sockets: chat send is timed once the app has handled that (its pool
// queue empty for half a second), so the phase measures posting, not the goodbyes of another phase.
var settling = Stopwatch.StartNew();
for (var quiet = Stopwatch.StartNew(); quiet.ElapsedMilliseconds < 500 && settling.Elapsed < TimeSpan.FromSeconds(30); await Task.Delay(10))
    if (ThreadPool.PendingWorkItemCount > 0) quiet.Restart();
Console.WriteLine($"settled after the hub clients left in {settling.Elapsed.TotalSeconds:F1} s");
var sends = new ConcurrentBag<(double At, double Took)>();
var small = rooms.Where(r => r.Members.Count == 50).ToList();
var sendWatch = new ProcessWatch();
await Task.WhenAll(small.Select(r => PostOpenLoopAsync(r, sendRate / (double)small.Count, sendRate * sendSeconds / small.Count, sends)));
sendWatch.Dispose();
var sorted = sends.Select(s => s.Took).OrderBy(x => x).ToList();
double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q / 100 * sorted.Count) - 1)];
Console.WriteLine($"chat send at {sendRate}/s for {sendSeconds} s across {small.Count} rooms (PostAsync, database write included): " +
    $"p50 {P(50):F2} ms, p95 {P(95):F2} ms, p99 {P(99):F2} ms, max {sorted[^1]:F2} ms, {sorted.Count} sent, {failures} refused, {errors} failed; machine: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"during chat send: {sendWatch}; the slowest posts were asked at " +
    string.Join(", ", sends.OrderByDescending(s => s.Took).Take(5).Select(s => $"{s.At:F2} s ({s.Took:F0} ms)")));
await app.StopAsync();
try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }

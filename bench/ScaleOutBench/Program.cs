using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HrcCommunity.Bench;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Dialogues;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// Room fan-out across two app instances compared with one, in the same run. One dialogue room of N registered
// practitioners, each a hub client (Node, one connection and personal access token each; room-clients.js).
//  1. One instance, the in-process live core: every client on it, every post through it.
//  2. Two instances on one database and a throwaway redis-server (the live bus and the SignalR backplane): clients
//     alternate between A and B, and so do the posts, so half of every delivery crosses Redis.
// Each phase posts at the same open-loop rate through DialogueRoomService (rules, database write, publish); Node times
// each messagePosted from its sentAt to its arrival, per instance the client is on. Before each measured phase the same
// posts run for the warm-up's seconds, uncounted, so the phase measures the code at its final tier, as a server that has
// been up for a while runs it (0 measures the app cold).
// Usage: ScaleOutBench [members=1000] [msgs/s=5] [seconds=10] [warm-up seconds=30]
var size = args.Length > 0 ? int.Parse(args[0]) : 1000;
var rate = args.Length > 1 ? double.Parse(args[1]) : 5;
var seconds = args.Length > 2 ? int.Parse(args[2]) : 10;
var warmUpSeconds = args.Length > 3 ? int.Parse(args[3]) : 30;

Console.WriteLine($"{size} members in one room, {rate} messages/s for {seconds} s after {warmUpSeconds} s of warm-up; machine: {Load()}");
Console.WriteLine($"{"clients on",-21} {"deliveries/s",13} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"delivered",10}");

var (oneBuilder, oneFolder) = BenchApp.CreateBuilder("scaleout-one");
await using (var one = await BenchApp.StartAsync(oneBuilder))
{
    var room = await SeedRoomAsync(one);
    await MeasureAsync(room, [(one, "1_instance")]);
    await one.StopAsync();
}
Delete(oneFolder);

using var redis = StartRedis(out var redisPort);
var withRedis = new Dictionary<string, string> { ["Hrc:Redis:Configuration"] = $"127.0.0.1:{redisPort}" };
var (aBuilder, sharedFolder) = BenchApp.CreateBuilder("scaleout-two", settings: withRedis);
await using (var a = await BenchApp.StartAsync(aBuilder))
{
    var (bBuilder, _) = BenchApp.CreateBuilder("scaleout-two", sharedFolder, withRedis);
    await using var b = await BenchApp.StartAsync(bBuilder);
    var room = await SeedRoomAsync(a);
    await MeasureAsync(room, [(a, "2_instances,_on_A"), (b, "2_instances,_on_B")]);
    await b.StopAsync();
    await a.StopAsync();
}
redis.Kill();
Delete(sharedFolder);
Console.WriteLine($"machine: {Load()}");

async Task<(int EventId, List<Actor> Members)> SeedRoomAsync(WebApplication app)
{
    await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
    var roleId = await db.Roles.Where(r => r.Name == Roles.Practitioner).Select(r => r.Id).FirstAsync();
    return await BenchRooms.AddRoomAsync(db, roleId, size, "Bench room");
}

// Clients and posts go round the instances in turn.
async Task MeasureAsync((int EventId, List<Actor> Members) room, IReadOnlyList<(WebApplication App, string Group)> instances)
{
    var tokens = instances[0].App.Services.GetRequiredService<PersonalAccessTokenService>();
    var lines = new ConcurrentDictionary<int, string>();
    await Parallel.ForEachAsync(room.Members.Select((m, i) => (m, i)), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (x, ct) =>
    {
        var (app, group) = instances[x.i % instances.Count];
        var secret = (await tokens.CreateAsync(x.m, "bench", TokenScope.Read, 30, ct)).Secret;
        lines[x.i] = $"{room.EventId} {secret} {group} {app.Urls.First()}/hubs/live";
    });
    var membersFile = Path.GetTempFileName();
    await File.WriteAllLinesAsync(membersFile, lines.OrderBy(l => l.Key).Select(l => l.Value));

    using var node = BenchRooms.StartClients(membersFile);

    var services = instances.Select(i => i.App.Services.GetRequiredService<DialogueRoomService>()).ToList();
    var failed = 0;
    async Task PostAsync(string text, int count)
    {
        var pace = Stopwatch.StartNew();
        var pending = new List<Task>();
        for (var n = 0; n < count; n++)
        {
            var due = TimeSpan.FromSeconds(n / rate);
            if (pace.Elapsed < due) await Task.Delay(due - pace.Elapsed);
            // Posters take turns, so nobody meets the room's flood limit.
            var (service, poster, message) = (services[n % services.Count], room.Members[n % room.Members.Count], $"{text} {n}");
            pending.Add(Task.Run(async () =>
            {
                try { await service.PostAsync(poster, room.EventId, message); }
                catch (Exception ex) { Interlocked.Increment(ref failed); Console.Error.WriteLine($"post failed: {ex.Message}"); }
            }));
        }
        await Task.WhenAll(pending);
    }
    await PostAsync(BenchRooms.WarmUpText, (int)(rate * warmUpSeconds));
    var watch = new ProcessWatch();
    await PostAsync("Bench message", (int)(rate * seconds));
    watch.Dispose();
    foreach (var result in await node.ResultsAsync()) Console.WriteLine(result);
    if (failed > 0) Console.WriteLine($"{failed} posts failed");
    Console.WriteLine($"  during {instances.Count} instance(s): {watch}");
    File.Delete(membersFile);
}

static Process StartRedis(out int port)
{
    var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    port = ((IPEndPoint)listener.LocalEndpoint).Port;
    listener.Stop();
    var redis = Process.Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
    { RedirectStandardOutput = true, UseShellExecute = false })!;
    for (var line = redis.StandardOutput.ReadLine(); !(line ?? throw new InvalidOperationException("redis-server stopped")).Contains("Ready to accept connections");
         line = redis.StandardOutput.ReadLine()) { }
    _ = redis.StandardOutput.ReadToEndAsync();
    return redis;
}

static string Load() => File.ReadAllText("/proc/loadavg").Trim();

static void Delete(string folder)
{
    try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
}

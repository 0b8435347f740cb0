using System.Diagnostics;
using HrcCommunity.Bench;
using HrcCommunity.Domain.Live;
using HrcCommunity.Web.Live;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// The real app (its pipeline, hub and stream registrations) on a loopback port, plus one synthetic stream that
// anyone may follow. N hub clients in one Node process (@microsoft/signalr) join its topic; open-loop senders in
// this process publish at a fixed rate whatever the clients do; Node measures each delivery from the event's
// `at` (stamped when the notifier numbers it) to its arrival, and prints p50/p95/p99 and deliveries per second.
// Runs today's queued notifier and the sequential baseline, each with and without one in-process subscriber that
// takes 500 ms per event.
var clients = args.Length > 0 ? int.Parse(args[0]) : 500;
var eventsPerSecond = args.Length > 1 ? int.Parse(args[1]) : 40;
var seconds = args.Length > 2 ? int.Parse(args[2]) : 10;
var only = args.Length > 3 ? args[3] : null;
const string Topic = "bench/room";

Console.WriteLine($"{clients} hub clients, {eventsPerSecond} events/s from 4 open-loop senders, {seconds} s per run");
Console.WriteLine($"{"notifier",-12} {"slow one",-9} {"deliveries/s",13} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"delivered",12}");
foreach (var slow in new[] { false, true })
    foreach (var kind in new[] { "queued", "sequential" })
        if (only is null || only == kind) await RunAsync(kind, slow);

async Task RunAsync(string kind, bool withSlowSubscriber)
{
    var (builder, dataFolder) = BenchApp.CreateBuilder("hubbench");
    if (kind == "sequential") builder.Services.AddSingleton(typeof(ILiveNotifier<>), typeof(SequentialBaselineNotifier<>));
    builder.Services.AddSingleton<LiveStream>(new LiveStream<Tick, QuestionMessage>(
        topic => topic == Topic, (_, _) => ValueTask.FromResult(true), t => new QuestionMessage(t.N, "Bench", "Tick"),
        (client, message) => client.QuestionChanged(message)));
    await using var app = await BenchApp.StartAsync(builder);

    var notifier = app.Services.GetRequiredService<ILiveNotifier<Tick>>();
    using var slowOne = withSlowSubscriber ? notifier.Subscribe(Topic, _ => Task.Delay(500)) : null;
    var total = eventsPerSecond * seconds;
    var node = StartNode(app.Urls.First() + "/hubs/live", clients, total);
    await node.WaitForLineAsync("READY", TimeSpan.FromMinutes(2));

    var clock = Stopwatch.StartNew();
    var perSender = eventsPerSecond / 4.0;
    var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
    {
        for (var n = 0; n < perSender * seconds; n++)
        {
            // Open loop: each event has its due time, whether or not the previous publish came back.
            var due = TimeSpan.FromSeconds(n / perSender);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            _ = notifier.PublishAsync(Topic, null, new Tick(sender * 1_000_000 + n));
        }
    })).ToArray();
    await Task.WhenAll(senders);
    var result = await node.WaitForLineAsync("RESULT", TimeSpan.FromSeconds(seconds + 60));
    Console.WriteLine($"{kind,-12} {(withSlowSubscriber ? "yes" : "no"),-9} {result}");
    await app.StopAsync();
    try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }
}

NodeClients StartNode(string hubUrl, int count, int events)
{
    var script = Path.Combine(AppContext.BaseDirectory, "hub-clients.js");
    var start = new ProcessStartInfo("node", script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    start.Environment["NODE_PATH"] = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../node_modules"));
    start.Environment["HUB_URL"] = hubUrl;
    start.Environment["CLIENTS"] = count.ToString();
    start.Environment["EVENTS"] = events.ToString();
    start.Environment["TOPIC"] = Topic;
    return new NodeClients(Process.Start(start)!);
}

internal sealed record Tick(int N);

internal sealed class NodeClients
{
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _arrived = new(0);

    public NodeClients(Process process)
    {
        process.OutputDataReceived += (_, e) => { if (e.Data is null) return; lock (_lines) _lines.Add(e.Data); _arrived.Release(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("node: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_lines)
                if (_lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) is { } line) return line[prefix.Length..].Trim();
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                lock (_lines) throw new TimeoutException($"Node printed: {string.Join(" | ", _lines)}");
        }
    }
}

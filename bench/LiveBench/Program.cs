using System.Diagnostics;
using HrcCommunity.Bench;
using HrcCommunity.Domain.Live;
using Microsoft.Extensions.Logging.Abstractions;

// Fan-out of one hot topic: N in-process subscribers (as Blazor circuits follow a room), fed by open-loop
// senders that publish at a fixed rate whatever the subscribers do. Prints delivery latency (publish to handler)
// and deliveries per second, for today's notifier and the sequential baseline, with and without one subscriber
// that takes 500 ms per event.
var subscribers = args.Length > 0 ? int.Parse(args[0]) : 1000;
var eventsPerSecond = args.Length > 1 ? int.Parse(args[1]) : 50;
var seconds = args.Length > 2 ? int.Parse(args[2]) : 10;

Console.WriteLine($"{subscribers} subscribers, {eventsPerSecond} events/s from 4 open-loop senders, {seconds} s per run");
Console.WriteLine($"{"notifier",-12} {"slow one",-9} {"deliveries/s",13} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"publish p99",12}");
foreach (var slow in new[] { false, true })
{
    Run("queued", new InProcessLiveNotifier<Sent>(NullLogger<InProcessLiveNotifier<Sent>>.Instance, TimeProvider.System), slow);
    Run("sequential", new SequentialBaselineNotifier<Sent>(), slow);
}

void Run(string name, ILiveNotifier<Sent> notifier, bool withSlowSubscriber)
{
    var expected = (long)subscribers * eventsPerSecond * seconds;
    var latencies = new long[expected + eventsPerSecond * subscribers];
    var count = 0L;
    var subscriptions = new List<IDisposable>();
    if (withSlowSubscriber) subscriptions.Add(notifier.Subscribe("room", _ => Task.Delay(500)));
    for (var i = 0; i < subscribers; i++)
        subscriptions.Add(notifier.Subscribe("room", sent =>
        {
            var index = Interlocked.Increment(ref count) - 1;
            if (index < latencies.Length) latencies[index] = Stopwatch.GetTimestamp() - sent.Change.At;
            return Task.CompletedTask;
        }));

    var publishTimes = new List<long>();
    var clock = Stopwatch.StartNew();
    var senders = Enumerable.Range(0, 4).Select(sender => Task.Run(async () =>
    {
        var mine = new List<long>();
        var perSender = eventsPerSecond / 4.0;
        for (var n = 0; n < perSender * seconds; n++)
        {
            // Open loop: each event has its due time, whether or not the previous publish came back.
            var due = TimeSpan.FromSeconds(n / perSender);
            if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
            var start = Stopwatch.GetTimestamp();
            _ = notifier.PublishAsync("room", null, new Sent(start)).ContinueWith(_ =>
            {
                lock (mine) mine.Add(Stopwatch.GetTimestamp() - start);
            }, TaskContinuationOptions.ExecuteSynchronously);
        }
        return mine;
    })).ToArray();
    Task.WaitAll(senders);
    var deadline = DateTime.UtcNow.AddSeconds(30);
    while (Interlocked.Read(ref count) < expected && DateTime.UtcNow < deadline) Thread.Sleep(10);
    var elapsed = clock.Elapsed.TotalSeconds;
    foreach (var sender in senders) lock (sender.Result) publishTimes.AddRange(sender.Result);
    foreach (var subscription in subscriptions) subscription.Dispose();

    var delivered = (int)Math.Min(Interlocked.Read(ref count), latencies.Length);
    var sorted = latencies[..delivered].Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
    var publish = publishTimes.Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
    Console.WriteLine($"{name,-12} {(withSlowSubscriber ? "yes" : "no"),-9} {delivered / elapsed,13:N0} {P(sorted, 50),8:F2} {P(sorted, 95),8:F2} {P(sorted, 99),8:F2} {sorted.LastOrDefault(),8:F1} {P(publish, 99),12:F2}" +
        (delivered < expected ? $"  ({expected - delivered:N0} not delivered within 30 s)" : ""));
}

static double P(double[] sorted, double percentile) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];

internal sealed record Sent(long At);

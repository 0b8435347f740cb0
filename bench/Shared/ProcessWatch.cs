using System.Diagnostics;

namespace HrcCommunity.Bench;

/// <summary>
/// What the process went through during a phase, sampled every 10 ms on a thread of its own (a pool thread would be
/// starved by the very thing it should see): the thread pool's longest queue and most threads, the longest gap between
/// two samples (the whole process stopped), and the garbage collector's pauses.
/// </summary>
public sealed class ProcessWatch : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly int _gen2Before = GC.CollectionCount(2);
    private volatile bool _stopped;
    private long _maxQueue;
    private int _maxThreads;
    private double _maxGapMs;

    public ProcessWatch()
    {
        _thread = new Thread(Sample) { IsBackground = true, Name = "bench watch" };
        _thread.Start();
    }

    private void Sample()
    {
        var tick = Stopwatch.StartNew();
        while (!_stopped)
        {
            Thread.Sleep(10);
            _maxGapMs = Math.Max(_maxGapMs, tick.Elapsed.TotalMilliseconds);
            tick.Restart();
            _maxQueue = Math.Max(_maxQueue, ThreadPool.PendingWorkItemCount);
            _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
        }
    }

    public override string ToString() =>
        $"thread pool: queue up to {_maxQueue}, threads up to {_maxThreads}; longest sample gap {_maxGapMs:F0} ms; " +
        $"GC pauses {(GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds:F0} ms, {GC.CollectionCount(2) - _gen2Before} gen2";

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }
}

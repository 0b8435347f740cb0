using System.Diagnostics;
using System.Runtime;

namespace HrcCommunity.Bench;

/// <summary>
/// What the process went through during a phase, sampled every 10 ms on a thread of its own (a pool thread would be
/// starved by the very thing it should see): the thread pool's longest queue and most threads, the longest gap between
/// two samples (the whole process stopped), the garbage collector's pauses, and the methods the JIT compiled (a phase
/// that compiles thousands is measuring a process still warming up: tier-0 code, and the JIT's own thread on a core).
/// </summary>
public sealed class ProcessWatch : IDisposable
{
    private readonly Thread _thread;
    private readonly TimeSpan _pausedBefore = GC.GetTotalPauseDuration();
    private readonly int _gen2Before = GC.CollectionCount(2);
    private readonly long _allocatedBefore = GC.GetTotalAllocatedBytes();
    private readonly long _jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
    private readonly TimeSpan _jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
    private volatile bool _stopped;
    private long _maxQueue;
    private int _maxThreads;
    private double _maxGapMs;
    private double _maxGcPauseMs;
    private int _collections;
    private string _longest = "";
    private long _lastIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;

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
            LookAtTheLastCollection();
        }
    }

    // Sampled every 10 ms, so a burst of collections between two samples shows only its last one's pause.
    private void LookAtTheLastCollection()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        if (info.Index == _lastIndex) return;
        _lastIndex = info.Index;
        _collections++;
        var pause = info.PauseDurations.ToArray().Max(p => p.TotalMilliseconds);
        if (pause <= _maxGcPauseMs) return;
        _maxGcPauseMs = pause;
        _longest = $"gen{info.Generation}{(info.Compacted ? " compacting" : "")}{(info.Concurrent ? " background" : "")}, " +
            $"{info.PromotedBytes / 1048576.0:F1} MB promoted, heap {info.HeapSizeBytes / 1048576.0:F0} MB";
    }

    public override string ToString() =>
        $"thread pool: queue up to {_maxQueue}, threads up to {_maxThreads}; longest sample gap {_maxGapMs:F0} ms; " +
        $"{(GC.GetTotalAllocatedBytes() - _allocatedBefore) / 1048576.0:F0} MB allocated, GC pauses {(GC.GetTotalPauseDuration() - _pausedBefore).TotalMilliseconds:F0} ms in {_collections}+ collections, " +
        $"longest {_maxGcPauseMs:F0} ms ({_longest}), {GC.CollectionCount(2) - _gen2Before} gen2 ({(GCSettings.IsServerGC ? "server" : "workstation")} GC); " +
        $"{System.Runtime.JitInfo.GetCompiledMethodCount() - _jittedBefore} methods JIT-compiled in {(System.Runtime.JitInfo.GetCompilationTime() - _jitTimeBefore).TotalMilliseconds:F0} ms";

    public void Dispose()
    {
        _stopped = true;
        _thread.Join();
    }
}

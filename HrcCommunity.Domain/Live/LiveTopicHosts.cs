using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Live;

/// <summary>
/// The hot topics of this process, each held by one <see cref="LiveTopicHost{TState,TChange}"/>, and the writer of
/// their change log: every <see cref="LiveOptions.FlushEvery"/>, or as soon as <see cref="LiveOptions.FlushAtChanges"/>
/// changes wait, the waiting changes go to the store in one batch. Stopping the host writes what is left.
/// </summary>
public sealed class LiveTopicHosts(
    ILiveChangeStore store,
    IServiceProvider services,
    TimeProvider clock,
    IOptions<LiveOptions> options,
    ILogger<LiveTopicHosts> logger) : BackgroundService
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _hosts = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<LiveChange> _waiting = new();
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly SemaphoreSlim _full = new(0, 1);
    private List<LiveChange>? _failedBatch;
    private int _waitingCount;

    /// <summary>How many accepted changes are not yet in the store.</summary>
    public int Unwritten => Volatile.Read(ref _waitingCount) + (_failedBatch?.Count ?? 0);

    /// <summary>The topic's host, rehydrated from the change log on first use. One topic has one kind of host.</summary>
    public async Task<LiveTopicHost<TState, TChange>> GetAsync<TState, TChange>(string topic, ILiveProjection<TState, TChange> projection,
        CancellationToken ct = default)
    {
        var lazy = _hosts.GetOrAdd(topic, _ => new Lazy<Task<object>>(() => LoadAsync(topic, projection)));
        try
        {
            return (LiveTopicHost<TState, TChange>)await lazy.Value.WaitAsync(ct);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // A failed load (the database was busy) must not stick: the next caller tries again.
            _hosts.TryRemove(new KeyValuePair<string, Lazy<Task<object>>>(topic, lazy));
            throw;
        }
    }

    /// <summary>Writes every waiting change now.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        await _writing.WaitAsync(ct);
        try
        {
            // A batch that failed goes first, so the log keeps each topic's order.
            var batch = _failedBatch ?? [];
            _failedBatch = null;
            while (_waiting.TryDequeue(out var change))
            {
                Interlocked.Decrement(ref _waitingCount);
                batch.Add(change);
            }
            if (batch.Count == 0) return;
            try
            {
                await store.AppendAsync(batch, ct);
            }
            catch
            {
                _failedBatch = batch;
                throw;
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    internal void Enqueue(LiveChange change)
    {
        _waiting.Enqueue(change);
        if (Interlocked.Increment(ref _waitingCount) >= options.Value.FlushAtChanges && _full.CurrentCount == 0)
        {
            try { _full.Release(); } catch (SemaphoreFullException) { }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _full.WaitAsync(options.Value.FlushEvery, stoppingToken);
                await FlushAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not write {Count} live changes; trying again", Unwritten);
            }
        }
    }

    private async Task<object> LoadAsync<TState, TChange>(string topic, ILiveProjection<TState, TChange> projection)
    {
        var history = await store.ReadAfterAsync(topic, 0, CancellationToken.None);
        return new LiveTopicHost<TState, TChange>(topic, projection, services.GetRequiredService<ILiveNotifier<TChange>>(), this, clock,
            options.Value.TailSize, history.Select(LiveTopicHost<TState, TChange>.FromRecord));
    }
}

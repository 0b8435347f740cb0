using System.Collections.Concurrent;

namespace HrcCommunity.Domain.Common;

/// <summary>
/// One read per key at a time: whoever asks while a read of the same key is under way waits for that read instead of
/// making their own. For caches that run out for everyone at once, where each caller reading would block a thread.
/// </summary>
internal sealed class SharedReads<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Task<TValue>> _reading = new();

    /// <param name="read">Runs without any one caller's token: the others wait for it too.</param>
    public async Task<TValue> ReadAsync(TKey key, Func<Task<TValue>> read, CancellationToken ct)
    {
        var mine = new TaskCompletionSource<TValue>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = _reading.GetOrAdd(key, mine.Task);
        if (reading != mine.Task) return await reading.WaitAsync(ct);
        try
        {
            mine.SetResult(await read());
        }
        catch (Exception ex)
        {
            mine.SetException(ex);
        }
        finally
        {
            _reading.TryRemove(KeyValuePair.Create(key, mine.Task));
        }
        return await mine.Task;
    }
}

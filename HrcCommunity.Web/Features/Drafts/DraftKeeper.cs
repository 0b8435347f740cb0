using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Drafts;

namespace HrcCommunity.Web.Features.Drafts;

/// <summary>
/// Keeps one form's draft: offers a saved one back when the form opens, then saves the form's fields whenever they
/// changed. <see cref="DraftAutosave"/> is this with its status line; a form that every idle tab holds open (the room's
/// composer) uses it directly and shows the status itself, since each component of its own costs every tab its render
/// buffers.
/// </summary>
/// <param name="key">Names the form and its record, e.g. "site-page/about": one draft per person and key.</param>
/// <param name="snapshot">The form's fields as one string (JSON), compared to decide whether anything changed.</param>
public sealed class DraftKeeper(DraftService drafts, TimeProvider clock, string key, Func<string> snapshot) : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Actor? _actor;
    private string _unchanged = "", _lastSaved = "";

    public string Key => key;

    /// <summary>When the draft that was put back into the form had been saved, while it is still on offer.</summary>
    public DateTime? RestoredFrom { get; private set; }

    public DateTime? SavedAt { get; private set; }

    /// <summary>The last save was refused because the fields are over a draft's size limit.</summary>
    public bool TooLarge { get; private set; }

    /// <summary>
    /// Starts keeping the form for this person; returns their saved draft when it differs from the form as it is now
    /// (the caller puts it back), else null. Anonymous people keep no drafts.
    /// </summary>
    public async Task<string?> OpenAsync(Actor actor)
    {
        if (!actor.IsAuthenticated) return null;
        _actor = actor;
        _unchanged = _lastSaved = snapshot();
        var draft = await drafts.LoadAsync(actor, key, _stop.Token);
        if (draft is null || draft.Content == _unchanged) return null;
        RestoredFrom = draft.SavedAt;
        _lastSaved = draft.Content;
        return draft.Content;
    }

    /// <summary>Saves every <paramref name="interval"/> while the form is open.</summary>
    /// <param name="onRenderer">Runs a save on the owning component's renderer and renders it again when the save says so.</param>
    /// <param name="fail">Hands an unexpected failure to the owning component's error handling.</param>
    public async Task SaveWhileOpenAsync(TimeSpan interval, Func<Func<Task<bool>>, Task> onRenderer, Func<Exception, Task> fail)
    {
        if (_actor is null) return;
        using var timer = new PeriodicTimer(interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
                await onRenderer(SaveIfChangedAsync);
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception ex)
        {
            await fail(ex);
        }
    }

    /// <summary>The form was submitted (or its draft discarded): the draft is deleted and not offered again.</summary>
    public async Task ClearAsync()
    {
        if (_actor is null) return;
        await drafts.DeleteAsync(_actor, key);
        _unchanged = _lastSaved = snapshot();
        RestoredFrom = SavedAt = null;
    }

    /// <returns>Whether the status changed.</returns>
    private async Task<bool> SaveIfChangedAsync()
    {
        var now = snapshot();
        if (now == _lastSaved || now == _unchanged) return false;
        try
        {
            await drafts.SaveAsync(_actor!, key, now, _stop.Token);
            _lastSaved = now;
            SavedAt = clock.GetUtcNow().UtcDateTime;
            TooLarge = false;
        }
        catch (ValidationFailedException)
        {
            TooLarge = true;
        }
        return true;
    }

    // Cancelled, not disposed: a save already queued on the renderer may still read the token.
    public void Dispose() => _stop.Cancel();
}

using HrcCommunity.Domain.Live;
using Microsoft.AspNetCore.Components;

namespace HrcCommunity.Web.Live;

/// <summary>
/// A page that follows live topics: each event reloads it through the renderer, and its subscriptions end
/// when the component is disposed, so a closed circuit leaves nothing subscribed.
/// </summary>
public abstract class LiveComponentBase : ComponentBase, IDisposable
{
    private readonly List<IDisposable> _subscriptions = [];

    /// <summary>
    /// Reloads and re-renders whenever the topic publishes. Call it on first interactive render (a prerender
    /// has no circuit to update). A failed reload goes to the page's error handling, not to the publisher.
    /// </summary>
    protected void Follow<TEvent>(ILiveNotifier<TEvent> notifier, string topic, Func<Task> reload) =>
        _subscriptions.Add(notifier.Subscribe(topic, _ => InvokeAsync(async () =>
        {
            try { await reload(); StateHasChanged(); }
            catch (Exception ex) { await DispatchExceptionAsync(ex); }
        })));

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _subscriptions.Clear();
    }
}

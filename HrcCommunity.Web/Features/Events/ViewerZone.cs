using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Events;
using Microsoft.JSInterop;

namespace HrcCommunity.Web.Features.Events;

/// <summary>
/// The time zone event times are shown in for this person: the one they chose at /events/calendar, else their
/// browser's (remembered in a cookie so the first, server-rendered view already uses it), else UTC.
/// </summary>
public sealed class ViewerZone(CalendarFeedService calendars, IHttpContextAccessor http)
{
    public const string Cookie = "hrc.tz";

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>True when the person chose a zone themselves, so the browser's must not replace it.</summary>
    public bool IsChosen { get; private set; }

    public async Task InitializeAsync(Actor actor)
    {
        var chosen = await calendars.GetTimeZoneAsync(actor);
        IsChosen = chosen is not null;
        Zone = EventTimes.FindOrUtc(chosen ?? http.HttpContext?.Request.Cookies[Cookie]);
    }

    /// <summary>Asks the browser for its zone once the page is interactive; true when that changed what is shown.</summary>
    public async Task<bool> DetectAsync(IJSRuntime js)
    {
        if (IsChosen) return false;
        try
        {
            await using var module = await js.InvokeAsync<IJSObjectReference>("import", "/assets/events-time.js");
            var browser = await module.InvokeAsync<string?>("browserTimeZone");
            if (!EventTimes.TryFind(browser, out var zone) || zone.Id == Zone.Id) return false;
            Zone = zone;
            return true;
        }
        catch (JSDisconnectedException)
        {
            return false;
        }
    }

    public string Describe(DateTime startsUtc, DateTime endsUtc) => EventTimes.Describe(startsUtc, endsUtc, Zone);

    public DateTime Local(DateTime utc) => EventTimes.ToLocal(utc, Zone);
}

using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using HrcCommunity.Domain.Common;

namespace HrcCommunity.Domain.Features.Events;

/// <summary>
/// iCalendar (RFC 5545) for one event or a person's feed. Each event keeps its UID for life and its SEQUENCE
/// rises with every change, so a calendar that already has it updates it, and a cancellation shows as cancelled
/// instead of the event silently disappearing.
/// </summary>
public static class EventCalendar
{
    public static string Write(IEnumerable<CommunityEvent> events, string publicBaseUrl, string name, DateTime stampUtc)
    {
        var calendar = new Calendar { ProductId = "-//Human Rights Cities Network//HrcCommunity//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        var baseUrl = publicBaseUrl.TrimEnd('/');
        foreach (var ev in events)
        {
            var link = $"{baseUrl}/events/{ev.Id}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = ev.Uid,
                Sequence = ev.Sequence,
                Summary = ev.Title,
                Description = $"{Markdown.ToPlainText(ev.Agenda)}\n\n{link}".Trim(),
                // Times go out in UTC: every client shows them in its own zone, with no VTIMEZONE rules to get wrong.
                DtStart = new CalDateTime(EventService.Utc(ev.StartsAtUtc)),
                DtEnd = new CalDateTime(EventService.Utc(ev.EndsAtUtc)),
                DtStamp = new CalDateTime(EventService.Utc(stampUtc)),
                LastModified = new CalDateTime(EventService.Utc(ev.UpdatedAt)),
                Status = ev.IsCancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Url = new Uri(link),
                Location = ev.MeetingLink ?? link,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}

namespace HrcCommunity.Domain.Features.Events;

/// <summary>
/// Times are stored in UTC and entered or shown in IANA zones. Only IANA ids are accepted, so what is stored
/// reads the same on any server and in any calendar client.
/// </summary>
public static class EventTimes
{
    public const string Utc = "UTC";

    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() =>
        TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && (z.Id.Contains('/') || z.Id == Utc)).Select(z => z.Id)
            .Order(StringComparer.Ordinal).ToList());

    /// <summary>The zones a person can choose from: the system's IANA zones ("Europe/Vienna"), and UTC.</summary>
    public static IReadOnlyList<string> KnownZones => Zones.Value;

    public static bool TryFind(string? id, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrWhiteSpace(id)) return false;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var found) || !found.HasIanaId) return false;
        zone = found;
        return true;
    }

    /// <summary>The zone, or UTC for an id that is missing or not an IANA zone.</summary>
    public static TimeZoneInfo FindOrUtc(string? id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// A wall-clock time in a zone, as UTC. Null when that time does not exist there (the hour skipped when clocks go
    /// forward); an hour that happens twice (clocks go back) is read as the first, summer-time one.
    /// </summary>
    public static DateTime? ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified)) return null;
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offset = zone.GetAmbiguousTimeOffsets(unspecified).Max();
            return DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>"Tue 1 Dec 2026, 14:00–16:00 (Europe/Vienna)", ending with the date again when the end is on another day.</summary>
    public static string Describe(DateTime startsUtc, DateTime endsUtc, TimeZoneInfo zone)
    {
        var start = ToLocal(startsUtc, zone);
        var end = ToLocal(endsUtc, zone);
        var endText = end.Date == start.Date ? end.ToString("HH:mm") : end.ToString("ddd d MMM yyyy, HH:mm");
        return $"{start:ddd d MMM yyyy, HH:mm}–{endText} ({zone.Id})";
    }
}

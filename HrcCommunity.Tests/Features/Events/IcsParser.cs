using System.Diagnostics;
using System.Text.Json;

namespace HrcCommunity.Tests.Features.Events;

public sealed record ParsedEvent(string Uid, int Sequence, string Status, string Summary, DateTime Start, DateTime End);

/// <summary>
/// Reads an iCalendar text with Debian's python3-icalendar, an implementation independent of the Ical.Net that
/// wrote it, so a test does not only read back what the writer itself believes.
/// </summary>
public static class IcsParser
{
    private const string Script = """
        import json, sys
        from icalendar import Calendar
        cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = []
        for e in cal.walk('VEVENT'):
            out.append({'uid': str(e['UID']), 'sequence': int(e.get('SEQUENCE', 0)), 'status': str(e.get('STATUS', '')),
                        'summary': str(e['SUMMARY']), 'start': e.decoded('DTSTART').isoformat(), 'end': e.decoded('DTEND').isoformat()})
        print(json.dumps(out))
        """;

    public static async Task<IReadOnlyList<ParsedEvent>> ParseAsync(string ics)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, ics);
            var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(Script);
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"python3-icalendar could not read the calendar: {error}\n{ics}");
            return JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => new ParsedEvent(
                e.GetProperty("uid").GetString()!, e.GetProperty("sequence").GetInt32(), e.GetProperty("status").GetString()!,
                e.GetProperty("summary").GetString()!,
                DateTimeOffset.Parse(e.GetProperty("start").GetString()!).UtcDateTime, DateTimeOffset.Parse(e.GetProperty("end").GetString()!).UtcDateTime)).ToList();
        }
        finally
        {
            File.Delete(file);
        }
    }
}

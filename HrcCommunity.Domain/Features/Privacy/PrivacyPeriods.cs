using System.Globalization;
using HrcCommunity.Domain.Features.Questions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>
/// The retention periods as site pages state them. Coordinators write <c>{{contact-retention}}</c> and the like in a
/// page's text instead of a number, so the privacy notice always says what the retention job really does.
/// </summary>
public sealed class PrivacyPeriods(IOptions<PrivacyOptions> options, IOptions<QuestionsOptions> questions)
{
    public IReadOnlyDictionary<string, string> Values => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["contact-retention"] = Describe(options.Value.ContactRetention),
        ["rate-limit-retention"] = Describe(RetentionService.HashRetention(options.Value, questions.Value)),
        ["export-link-lifetime"] = Describe(options.Value.ExportLinkLifetime),
    };

    public string Fill(string text)
    {
        foreach (var (name, value) in Values) text = text.Replace("{{" + name + "}}", value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>The largest whole unit that states the period exactly: "90 days", "36 hours", "1 day".</summary>
    public static string Describe(TimeSpan period)
    {
        var (count, unit) = period.Ticks % TimeSpan.TicksPerDay == 0 ? ((long)period.TotalDays, "day")
            : period.Ticks % TimeSpan.TicksPerHour == 0 ? ((long)period.TotalHours, "hour")
            : ((long)Math.Ceiling(period.TotalMinutes), "minute");
        return count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");
    }
}

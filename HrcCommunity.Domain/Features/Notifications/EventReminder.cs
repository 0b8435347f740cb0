namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>
/// The organiser's choice of reminders for one event: how long before the start each one goes out, and a message
/// added to them. Without a row an event gets <see cref="DefaultOffsets"/> and no message.
/// </summary>
public sealed class EventReminderPlan
{
    public const int MessageMax = 1_000;
    public const int MaxOffsets = 4;
    public static readonly IReadOnlyList<int> DefaultOffsets = [24 * 60, 60];
    public static readonly TimeSpan ShortestOffset = TimeSpan.FromMinutes(10);
    public static readonly TimeSpan LongestOffset = TimeSpan.FromDays(14);

    public int EventId { get; set; }
    /// <summary>Minutes before the start, comma-separated and largest first ("1440,60").</summary>
    public string OffsetMinutes { get; set; } = "";
    public string? Message { get; set; }

    public IReadOnlyList<int> Offsets => Parse(OffsetMinutes);

    public static IReadOnlyList<int> Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).OrderDescending().ToList();

    public static string Format(IEnumerable<int> minutes) => string.Join(',', minutes.Distinct().OrderDescending());
}

/// <summary>
/// Proof that one reminder reached the outbox: the unique (event, start, offset, person) index is what makes a
/// reminder exactly-once, whichever job, retry or server gets there. The start is part of the key, so a moved
/// event reminds again for its new time.
/// </summary>
public sealed class ReminderDelivery
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public DateTime EventStartsAtUtc { get; set; }
    public int OffsetMinutes { get; set; }
    public string UserId { get; set; } = "";
    public DateTime SentAt { get; set; }
}

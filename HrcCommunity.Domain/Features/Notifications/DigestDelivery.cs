namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>How often a person gets the "what is new" digest (stored as <c>AppUser.DigestOptIn</c> and <c>DigestDaily</c>).</summary>
public enum DigestFrequency
{
    None = 0,
    Daily = 1,
    Weekly = 2,
}

/// <summary>The areas a digest can follow, in the order the email lists them.</summary>
[Flags]
public enum DigestAreas
{
    None = 0,
    Knowledge = 1,
    Practices = 2,
    Answers = 4,
    Events = 8,
    Directory = 16,
    All = Knowledge | Practices | Answers | Events | Directory,
}

public enum DigestKind
{
    Daily = 0,
    Weekly = 1,
    /// <summary>The questions that wait for an expert.</summary>
    Expert = 2,
}

/// <summary>
/// One digest that reached one person's outbox. The unique (person, kind, period end) index makes a digest
/// exactly-once whichever run, retry or server gets there first; the latest daily or weekly row is where that person's
/// next digest starts, so a person who switches between daily and weekly misses nothing and gets nothing twice.
/// </summary>
public sealed class DigestDelivery
{
    public long Id { get; set; }
    public string UserId { get; set; } = "";
    public DigestKind Kind { get; set; }
    public DateTime PeriodEnd { get; set; }
    public DateTime SentAt { get; set; }
    public int Items { get; set; }
}

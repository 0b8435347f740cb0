namespace HrcCommunity.Domain.Email;

/// <summary>
/// An email waiting to go out. Written in the same transaction as the change that caused it,
/// so a crash never loses one, and retried with back-off until it is delivered.
/// </summary>
public sealed class OutboxEmail
{
    public const int MaxAttempts = 8;

    public long Id { get; set; }
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string? HtmlBody { get; set; }
    /// <summary>What caused it, e.g. "questions/answered": lets tests and admins find a message.</summary>
    public string Category { get; set; } = "";
    /// <summary>For mail people subscribed to: the one-click address sent as List-Unsubscribe (RFC 8058).</summary>
    public string? UnsubscribeUrl { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? SentAt { get; set; }
    public string? LastError { get; set; }

    public bool GaveUp => SentAt is null && Attempts >= MaxAttempts;
}

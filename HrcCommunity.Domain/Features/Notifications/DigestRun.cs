namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>One sent digest; its unique period end makes a re-fired job send nothing twice.</summary>
public sealed class DigestRun
{
    public long Id { get; set; }
    public DateTime PeriodEnd { get; set; }
    public DateTime SentAt { get; set; }
    public int Recipients { get; set; }
}

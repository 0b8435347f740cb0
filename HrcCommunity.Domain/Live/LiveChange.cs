namespace HrcCommunity.Domain.Live;

/// <summary>
/// One accepted change of a hot topic, as written to the append-only change log: a topic's host rehydrates its
/// numbering, tail and state from these rows on first use after a start.
/// </summary>
public sealed class LiveChange
{
    public const int TopicMax = 200;
    public const int KindMax = 100;

    public long Id { get; set; }
    public string Topic { get; set; } = "";
    public long Seq { get; set; }
    public string Kind { get; set; } = "";
    public string? ActorId { get; set; }
    public string Payload { get; set; } = "";
    public DateTime At { get; set; }
}

namespace HrcCommunity.Domain.Live;

public sealed class LiveOptions
{
    public const string Section = "Hrc:Live";

    /// <summary>
    /// The batch window: accepted changes of hot topics are written at least this often. A crash loses at most the
    /// changes accepted in the last window; a clean stop writes everything first.
    /// </summary>
    public TimeSpan FlushEvery { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A batch is written early once this many changes wait.</summary>
    public int FlushAtChanges { get; set; } = 100;

    /// <summary>How many recent changes a host keeps for followers catching up after a short disconnection.</summary>
    public int TailSize { get; set; } = 500;
}

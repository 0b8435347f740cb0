namespace HrcCommunity.Web.Hosting;

/// <summary>
/// Runtime settings that .NET reads from the environment once, on first use, so the app sets them as its first step
/// (Program, and the benchmarks' module initialiser). A value the operator set in the environment is kept.
/// </summary>
public static class ProcessSettings
{
    public const string SharedPoolArraysPerCore = "DOTNET_SYSTEM_BUFFERS_SHAREDARRAYPOOL_MAXARRAYSPERPARTITION";

    /// <summary>
    /// SignalR gives every connection its own pipe, whose buffers (4 KB each) come from the shared array pool and go back
    /// once that connection's copy is sent. A message to a room of 1,000 therefore holds about 1,000 buffers at once,
    /// and the pool keeps only 32 per core by default: the rest became garbage, 200 MB in 10 s of room traffic
    /// (RoomBench), and the collections that followed promoted 20–80 MB at a time. Keeping 1,024 per core brought the
    /// same traffic down to 20 MB. Buffers are kept only when that many are returned at once, and the pool trims
    /// what it has not used for a while.
    /// </summary>
    public const int ArraysPerCore = 1024;

    public static void Apply()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(SharedPoolArraysPerCore)))
            Environment.SetEnvironmentVariable(SharedPoolArraysPerCore, ArraysPerCore.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

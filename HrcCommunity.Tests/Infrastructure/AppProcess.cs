using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// The real app as a separate process on a free loopback port: what a browser needs, since the
/// in-memory test server has no socket. Its console output is kept for failure messages.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly bool _ownsDataFolder;

    private AppProcess(Process process, string baseUrl, string dataFolder, bool ownsDataFolder)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataFolder = dataFolder;
        _ownsDataFolder = ownsDataFolder;
    }

    public string BaseUrl { get; }

    public string DataFolder { get; }

    public string OutboxFolder => Path.Combine(DataFolder, "outbox");

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <param name="dataFolder">
    /// A folder the caller owns and keeps, to start the app again on the data of an earlier one; by default a new
    /// folder, deleted with the app.
    /// </param>
    public static async Task<AppProcess> StartAsync(IDictionary<string, string>? settings = null, string? dataFolder = null)
    {
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var ownsDataFolder = dataFolder is null;
        dataFolder ??= RepoPaths.NewTempFolder("browser");
        var start = new ProcessStartInfo(RepoPaths.WebExecutable)
        {
            WorkingDirectory = RepoPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Hrc__DataFolder"] = dataFolder;
        start.Environment["Hrc__SeedDemoContent"] = "true";
        start.Environment["Hrc__Email__PollInterval"] = "00:00:00.200";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // Every browser signs in from loopback, many times a minute: the limits are tested with their own host.
        start.Environment["Hrc__RateLimits__AnonymousFormPostsPerMinute"] = "1000";
        start.Environment["Hrc__RateLimits__SignInPostsPerAccountPerMinute"] = "1000";
        // Each request's start and finish, with its time: when a browser test times out, the kept log shows
        // whether the app answered.
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("The app did not start.");
        var app = new AppProcess(process, baseUrl, dataFolder, ownsDataFolder);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            // A cold start on a busy CI machine (migrations, demo seed, JIT) has taken most of a minute.
            await app.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            // Nobody else holds the app yet: left running, it would outlive the test run and slow what follows.
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The app exited with {_process.ExitCode}:\n{Output}");
            try
            {
                if ((await http.GetAsync($"{BaseUrl}/healthz")).IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The app was not healthy within {timeout}:\n{Output}");
    }

    /// <summary>
    /// Keeps the app's log (requests, warnings and errors) beside the test results: a browser test that times
    /// out only says what the page did not show, and the server's side of the story is in this log.
    /// </summary>
    private async Task KeepLogAsync()
    {
        var output = Output;
        if (output.Length == 0) return;
        var folder = Path.Combine(RepoPaths.Root, "TestResults");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, $"app-{new Uri(BaseUrl).Port}.log"), output);
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        await KeepLogAsync();
        if (!_ownsDataFolder) return;
        try { Directory.Delete(DataFolder, recursive: true); } catch (IOException) { }
    }
}

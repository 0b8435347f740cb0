using System.Diagnostics;
using System.Text;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// A throwaway server a test fixture runs (redis-server, aiosmtpd, nginx): started with its arguments, its output kept
/// for failure messages, waited for until it answers, and killed on dispose.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly string _name;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServerProcess(string name, Process process)
    {
        _name = name;
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) return _output.ToString(); } }

    public static ServerProcess Start(string name, string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return new ServerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start."));
    }

    /// <summary>Asks <paramref name="answers"/> until it says yes; fails at once, with the output, if the server exits.</summary>
    public async Task WaitUntilAnsweringAsync(Func<Task<bool>> answers, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}:\n{describe()}");
            if (await answers()) return;
            await Task.Delay(50);
        }
        throw new TimeoutException($"{_name} did not answer within {timeout}:\n{describe()}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}

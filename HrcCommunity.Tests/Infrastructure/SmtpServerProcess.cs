using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, no STARTTLS, no AUTH) on a loopback port chosen
/// up front, so a test can point the app at it before it listens. Every message it accepts is
/// kept as a file in a Maildir, so a test counts exactly what arrived.
/// </summary>
public sealed class SmtpServerProcess : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string _folder = RepoPaths.NewTempFolder("smtp");
    private readonly StringBuilder _output = new();
    private Process? _process;

    public int Port { get; } = AppProcess.FreePort();

    // Not created here: aiosmtpd's Mailbox handler lays out tmp/new/cur only when the folder is missing.
    private string Maildir => Path.Combine(_folder, "maildir");

    public async Task StartAsync()
    {
        // Debian's python3, not the first one on PATH: the module is installed for that one.
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilListeningAsync(_process, TimeSpan.FromSeconds(20));
    }

    /// <summary>What the server accepted, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var delivered = Path.Combine(Maildir, "new");
        if (!Directory.Exists(delivered)) return [];
        return Directory.GetFiles(delivered)
            .Select(file => (file, written: File.GetLastWriteTimeUtc(file)))
            .OrderBy(f => f.written)
            .Select(f => MimeMessage.Load(f.file))
            .ToList();
    }

    private async Task WaitUntilListeningAsync(Process process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"aiosmtpd exited with {process.ExitCode} (is python3-aiosmtpd installed? test.sh installs it):\n{Output}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new TimeoutException($"aiosmtpd did not accept connections on port {Port} within {timeout}:\n{Output}");
    }

    private string Output { get { lock (_output) return _output.ToString(); } }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

using System.Net;
using System.Net.Sockets;
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
    private ServerProcess? _process;

    public int Port { get; } = AppProcess.FreePort();

    // Not created here: aiosmtpd's Mailbox handler lays out tmp/new/cur only when the folder is missing.
    private string Maildir => Path.Combine(_folder, "maildir");

    public async Task StartAsync()
    {
        // Debian's python3, not the first one on PATH: the module is installed for that one.
        var process = _process = ServerProcess.Start("aiosmtpd", Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir]);
        await process.WaitUntilAnsweringAsync(async () =>
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), () => $"port {Port} (is python3-aiosmtpd installed? test.sh installs it)\n{process.Output}");
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

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

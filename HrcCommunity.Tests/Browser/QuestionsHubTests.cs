using System.Diagnostics;
using System.Net;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Browser;

/// <summary>The queue's stream through the SignalR hub, as a non-Blazor client (the npm SignalR client in Node) sees it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class QuestionsHubTests(BrowserHost host)
{
    private const string ClientScript = """
        const signalR = require('@microsoft/signalr');
        const connection = new signalR.HubConnectionBuilder()
            .withUrl(process.env.HUB_URL, { headers: { Cookie: process.env.COOKIE || '' }, transport: signalR.HttpTransportType.WebSockets, skipNegotiation: true })
            .configureLogging(signalR.LogLevel.None)
            .build();
        connection.on('questionChanged', e => console.log('EVENT ' + JSON.stringify(e)));
        connection.start()
            .then(() => connection.invoke('Join', 'questions-queue'))
            .then(() => console.log('JOINED'))
            .catch(e => { console.log('REFUSED ' + e.message); process.exit(0); });
        setTimeout(() => process.exit(0), 30000);
        """;

    [Fact]
    public async Task HubClient_SignedInAsAnExpert_ReceivesANewQuestion_AndAPractitionerIsRefused()
    {
        using var expert = await SignedInClientAsync(Persona.Expert);
        using var listener = await StartClientAsync(expert.Cookie);
        await listener.WaitForLineAsync(l => l == "JOINED");

        using var visitor = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        var title = $"Can a region join the network as well as a city? {Guid.NewGuid():N}";
        var response = await AppHost.PostFormAsync(visitor, "/questions/ask", "ask", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Body"] = "Our regional government would like to take part in the exchanges. Is membership open to regions?",
            ["Input.Topic"] = "networks-funding",
            ["Input.Email"] = $"region-{Guid.NewGuid():N}@example.org",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var line = await listener.WaitForLineAsync(l => l.StartsWith("EVENT ", StringComparison.Ordinal) && l.Contains("\"action\":\"Ask\""));
        Assert.Contains("\"state\":\"New\"", line);

        using var practitioner = await SignedInClientAsync(Persona.Practitioner);
        using var refused = await StartClientAsync(practitioner.Cookie);
        Assert.Contains("may not follow", await refused.WaitForLineAsync(l => l.StartsWith("REFUSED ", StringComparison.Ordinal)));
    }

    private async Task<SignedIn> SignedInClientAsync(Persona persona)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(host.BaseUrl) };
        await AppHost.SignInAsync(client, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        return new SignedIn(client, cookies.GetCookieHeader(new Uri(host.BaseUrl)));
    }

    private async Task<NodeClient> StartClientAsync(string cookie)
    {
        var script = Path.Combine(RepoPaths.NewTempFolder("hub"), "client.js");
        await File.WriteAllTextAsync(script, ClientScript);
        var start = new ProcessStartInfo("node", script) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["NODE_PATH"] = RepoPaths.NodeModules;
        start.Environment["HUB_URL"] = host.BaseUrl + "/hubs/live";
        start.Environment["COOKIE"] = cookie;
        return new NodeClient(Process.Start(start)!);
    }

    private sealed record SignedIn(HttpClient Client, string Cookie) : IDisposable
    {
        public void Dispose() => Client.Dispose();
    }

    internal sealed class NodeClient : IDisposable
    {
        private readonly Process _process;
        private readonly List<string> _lines = [];
        private readonly SemaphoreSlim _arrived = new(0);

        public NodeClient(Process process)
        {
            _process = process;
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (_lines) _lines.Add(e.Data);
                _arrived.Release();
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (_lines) _lines.Add("stderr: " + e.Data);
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public async Task<string> WaitForLineAsync(Func<string, bool> match)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (true)
            {
                lock (_lines)
                {
                    var found = _lines.FirstOrDefault(match);
                    if (found is not null) return found;
                }
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                    lock (_lines) throw new TimeoutException("The hub client printed: " + string.Join(" | ", _lines));
            }
        }

        public bool HasLine(Func<string, bool> match)
        {
            lock (_lines) return _lines.Any(match);
        }

        public IReadOnlyList<string> LinesMatching(Func<string, bool> match)
        {
            lock (_lines) return _lines.Where(match).ToList();
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.Dispose();
        }
    }
}

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// Debian's nginx on a free loopback port, running the site of <c>deploy/nginx.conf</c> as it is shipped, with only
/// its listening port and the Compose service names of the two app instances replaced. test.sh installs the package
/// when it is missing.
/// </summary>
public sealed class NginxProcess : IAsyncDisposable
{
    private const string Server = "/usr/sbin/nginx";
    private readonly string _folder = RepoPaths.NewTempFolder("nginx");
    private ServerProcess? _process;

    public int Port { get; } = AppProcess.FreePort();

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public static async Task<NginxProcess> StartAsync(AppProcess first, AppProcess second)
    {
        var nginx = new NginxProcess();
        try
        {
            await nginx.RunAsync(first, second);
            return nginx;
        }
        catch
        {
            await nginx.DisposeAsync();
            throw;
        }
    }

    private async Task RunAsync(AppProcess first, AppProcess second)
    {
        if (!File.Exists(Server)) throw new InvalidOperationException($"{Server} is missing: test.sh installs Debian's nginx.");
        var site = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "deploy", "nginx.conf"));
        site = Replace(site, "listen 80;", $"listen 127.0.0.1:{Port};");
        site = Replace(site, "server app1:8080;", $"server {new Uri(first.BaseUrl).Authority};");
        site = Replace(site, "server app2:8080;", $"server {new Uri(second.BaseUrl).Authority};");
        await File.WriteAllTextAsync(Path.Combine(_folder, "site.conf"), site);
        // One process under the test's own user: no master dropping privileges, no files outside the folder.
        await File.WriteAllTextAsync(Path.Combine(_folder, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{_folder}}/nginx.pid;
            error_log {{_folder}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{_folder}}/body;
                proxy_temp_path {{_folder}}/proxy;
                fastcgi_temp_path {{_folder}}/fastcgi;
                uwsgi_temp_path {{_folder}}/uwsgi;
                scgi_temp_path {{_folder}}/scgi;
                include {{_folder}}/site.conf;
            }
            """);
        // The error log is where nginx explains a refused configuration.
        var process = _process = ServerProcess.Start("nginx", Server, ["-p", _folder, "-c", Path.Combine(_folder, "nginx.conf")]);
        using var http = new HttpClient();
        await process.WaitUntilAnsweringAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(BaseUrl + "/healthz");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(20), () => $"port {Port}\n{process.Output}{ReadErrorLog()}");
    }

    /// <summary>Fails loudly when the shipped file no longer has the line this harness rewrites.</summary>
    private static string Replace(string text, string shipped, string local) =>
        text.Contains(shipped, StringComparison.Ordinal)
            ? text.Replace(shipped, local, StringComparison.Ordinal)
            : throw new InvalidOperationException($"deploy/nginx.conf no longer contains \"{shipped}\"; update {nameof(NginxProcess)}.");

    private string ReadErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return File.Exists(log) ? File.ReadAllText(log) : "";
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}

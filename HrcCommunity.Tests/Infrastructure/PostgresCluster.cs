using System.Diagnostics;
using Npgsql;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster from Debian's postgresql-15 (initdb and pg_ctl in a temp folder, on a free loopback
/// port, fsync off), started once per test run on first use and stopped when the test process exits. Each test asks
/// for a database of its own with <see cref="CreateDatabaseAsync"/>. As root the server runs as the postgres user
/// (PostgreSQL refuses root), in a folder handed to that user.
/// </summary>
public sealed class PostgresCluster
{
    public const string BinFolder = "/usr/lib/postgresql/15/bin";

    private const string FolderPrefix = "hrc-postgres-";

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync);

    private readonly string _folder;

    private PostgresCluster(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The cluster of this test run, started by the first caller.</summary>
    public static Task<PostgresCluster> StartedAsync() => Shared.Value;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true";

    /// <summary>
    /// A new, empty database (or a copy of <paramref name="template"/>, which must have no open connections), and its
    /// connection string. Names are lower case letters, digits and underscores.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        // FILE_COPY copies the template's files as they are: with fsync off it is the quickest way to a migrated copy.
        await ExecuteAsync(template is null ? $"CREATE DATABASE {name}" : $"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY");
        return ConnectionString(name);
    }

    /// <summary>Drops the database, closing this process's pooled connections to it first.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionString(name)));
        await ExecuteAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        if (!File.Exists(Path.Combine(BinFolder, "initdb")))
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({BinFolder}/initdb is missing): apt-get install postgresql (./test.sh does).");
        RemoveStoppedClusters();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var asRoot = Environment.UserName == "root";
        if (asRoot) await RunAsync("chown", "postgres:postgres", folder);
        var data = Path.Combine(folder, "data");
        await RunAsync(asRoot, Path.Combine(BinFolder, "initdb"), "-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C.UTF-8", "--no-sync");
        var port = AppProcess.FreePort();
        // No durability is needed for data thrown away after the run; every test database holds a few connections.
        var options = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
            "-c full_page_writes=off -c max_connections=400 -c shared_buffers=64MB";
        await RunAsync(asRoot, Path.Combine(BinFolder, "pg_ctl"), "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-o", options, "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(asRoot, folder, data);
        return new PostgresCluster(folder, port);
    }

    /// <summary>
    /// Folders of earlier runs whose server is stopped: the test host may be ended before its exit handler has
    /// deleted the folder. A running cluster (another test process) keeps its postmaster.pid, and one still being
    /// set up by another process is younger than a few minutes: both are left alone.
    /// </summary>
    private static void RemoveStoppedClusters()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), $"{FolderPrefix}*"))
        {
            if (File.Exists(Path.Combine(folder, "data", "postmaster.pid"))
                || Directory.GetLastWriteTimeUtc(folder) > DateTime.UtcNow.AddMinutes(-10)) continue;
            try { Directory.Delete(folder, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    private static void Stop(bool asRoot, string folder, string data)
    {
        try
        {
            RunAsync(asRoot, Path.Combine(BinFolder, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop").GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            // The run is over either way; a leftover temp folder is all that remains.
        }
    }

    private static Task RunAsync(bool asPostgres, string program, params string[] arguments) =>
        asPostgres ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await errors}");
    }
}

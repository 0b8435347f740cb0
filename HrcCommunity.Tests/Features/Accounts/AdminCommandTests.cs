using System.Diagnostics;
using HrcCommunity.Domain;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>The documented way to create the first Admin in Production, run as the real executable.</summary>
public sealed class AdminCommandTests : IDisposable
{
    private readonly string _dataFolder = RepoPaths.NewTempFolder("admin-command");

    [Fact]
    public async Task AdminCreate_WithThePasswordInTheEnvironment_CreatesAnApprovedAdminWithAConfirmedEmail_AndNoDemoUsers()
    {
        var (code, output) = await RunAsync(["admin", "create", "--email", "first@city.example.eu", "--name", "First Admin"], password: "a-long-admin-password-1", stdin: null);

        Assert.True(code == 0, output);
        await using var db = Context();
        var admin = await db.Users.SingleAsync();
        Assert.Equal(("first@city.example.eu", "First Admin", ApprovalStatus.Approved), (admin.Email, admin.DisplayName, admin.ApprovalStatus));
        // Whoever runs the command on the server vouches for the address.
        Assert.True(admin.EmailConfirmed);
        var roles = await db.UserRoles.Where(r => r.UserId == admin.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
        Assert.Contains(Roles.Admin, roles);
    }

    [Fact]
    public async Task AdminCreate_ReadsThePasswordFromStandardInput_AndRefusesASecondAccountWithTheSameEmail()
    {
        var (first, firstOutput) = await RunAsync(["admin", "create", "--email", "stdin@city.example.eu"], password: null, stdin: "a-long-admin-password-1\n");
        var (second, secondOutput) = await RunAsync(["admin", "create", "--email", "stdin@city.example.eu"], password: "another-long-password-2", stdin: null);

        Assert.True(first == 0, firstOutput);
        Assert.Equal(1, second);
        Assert.Contains("already exists", secondOutput);
    }

    [Fact]
    public async Task AdminCreate_WithoutAPassword_ExitsWithUsage_AndCreatesNobody()
    {
        var (code, output) = await RunAsync(["admin", "create", "--email", "nopass@city.example.eu"], password: null, stdin: "");

        Assert.Equal(2, code);
        Assert.Contains("No password given", output);
    }

    [Fact]
    public async Task AdminCreate_WithAShortPassword_ExplainsThePasswordRule()
    {
        var (code, output) = await RunAsync(["admin", "create", "--email", "short@city.example.eu"], password: "short", stdin: null);

        Assert.Equal(1, code);
        Assert.Contains("at least 10 characters", output);
    }

    private async Task<(int Code, string Output)> RunAsync(string[] args, string? password, string? stdin)
    {
        var start = new ProcessStartInfo(RepoPaths.WebExecutable)
        {
            WorkingDirectory = RepoPaths.WebProject,
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hrc__DataFolder"] = _dataFolder;
        start.Environment["Hrc__Scheduler__Enabled"] = "false";
        if (password is null) start.Environment.Remove("HRC_ADMIN_PASSWORD");
        else start.Environment["HRC_ADMIN_PASSWORD"] = password;

        using var process = Process.Start(start)!;
        if (stdin is not null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Generous: the command starts the host and migrates a new database, slow on a busy 2-core machine.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The command did not finish: {await stdout}{await stderr}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private HrcDbContext Context()
    {
        var options = new DbContextOptionsBuilder<HrcDbContext>();
        DomainServiceCollectionExtensions.ConfigureSqlite(options, new DataFolder(_dataFolder).DatabasePath);
        return new HrcDbContext(options.Options);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_dataFolder, recursive: true); } catch (IOException) { }
    }
}

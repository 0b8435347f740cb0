using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Web.Hosting;

/// <summary>
/// Commands run instead of the web server:
/// <c>admin create --email E [--name N]</c> creates the first Admin in Production, reading the
/// password from HRC_ADMIN_PASSWORD or standard input.
/// </summary>
public static class AdminCommands
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        if (args.Length >= 2 && args[0] == "admin" && args[1] == "create")
        {
            Environment.ExitCode = await CreateAdminAsync(app, args[2..]);
            return true;
        }
        return false;
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] args)
    {
        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? "Administrator";
        if (string.IsNullOrWhiteSpace(email))
        {
            Console.Error.WriteLine("Usage: HrcCommunity.Web admin create --email you@example.org [--name \"Your Name\"]");
            Console.Error.WriteLine("The password is read from HRC_ADMIN_PASSWORD, or from standard input.");
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("HRC_ADMIN_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected) Console.Error.Write("Password: ");
            password = Console.ReadLine();
        }
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password given: set HRC_ADMIN_PASSWORD or pipe it to standard input.");
            return 2;
        }

        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(includeDemoContent: false);
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            Console.Error.WriteLine($"An account for {email} already exists.");
            return 1;
        }
        var user = new AppUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name,
            Organisation = "Human Rights Cities Network", ApprovalStatus = ApprovalStatus.Approved,
            RegisteredAt = DateTime.UtcNow, ReviewedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded) created = await users.AddToRolesAsync(user, [Roles.Admin, Roles.Coordinator]);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) Console.Error.WriteLine(error.Description);
            return 1;
        }
        Console.WriteLine($"Admin {email} created.");
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

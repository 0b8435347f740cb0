using Microsoft.Extensions.Hosting;

namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>The demo accounts seeded in Development; the sign-in page lists them there and nowhere else.</summary>
public static class DemoUsers
{
    /// <summary>
    /// Their password is public, so they exist and sign in in Development only, whatever Hrc:SeedDemoContent says:
    /// a copied development setting must not open a production site.
    /// </summary>
    public static bool AllowedIn(IHostEnvironment environment) => environment.IsDevelopment();

    public static bool IsDemo(AppUser user) =>
        user.IsDemo || All.Any(d => string.Equals(d.Email, user.Email, StringComparison.OrdinalIgnoreCase));

    public const string Password = "Demo-Password-2026";

    public sealed record DemoUser(string Email, string DisplayName, string City, string Organisation, string? Role, ApprovalStatus Status);

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("admin@demo.hrc.local", "Ada Admin", "Brussels", "Human Rights Cities Network", Roles.Admin, ApprovalStatus.Approved),
        new("coordinator@demo.hrc.local", "Carla Coordinator", "Graz", "Human Rights Cities Network", Roles.Coordinator, ApprovalStatus.Approved),
        new("expert@demo.hrc.local", "Emil Expert", "Lund", "Raoul Wallenberg Institute", Roles.Expert, ApprovalStatus.Approved),
        new("practitioner@demo.hrc.local", "Pia Practitioner", "Utrecht", "Municipality of Utrecht", Roles.Practitioner, ApprovalStatus.Approved),
        new("pending@demo.hrc.local", "Paul Pending", "Middelburg", "Zeeland Refugee Council", null, ApprovalStatus.Pending),
    ];
}

namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>The demo accounts seeded in Development; the sign-in page lists them there and nowhere else.</summary>
public static class DemoUsers
{
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

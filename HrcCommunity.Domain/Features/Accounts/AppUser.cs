using Microsoft.AspNetCore.Identity;

namespace HrcCommunity.Domain.Features.Accounts;

public enum ApprovalStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

public sealed class AppUser : IdentityUser
{
    public const int NameMax = 100;
    public const int CityMax = 100;
    public const int OrganisationMax = 150;

    public string DisplayName { get; set; } = "";
    public string City { get; set; } = "";
    public string Organisation { get; set; } = "";
    public ApprovalStatus ApprovalStatus { get; set; }
    public DateTime RegisteredAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewNote { get; set; }
    public bool IsDemo { get; set; }
    /// <summary>Asked for the weekly digest email; off until the person turns it on.</summary>
    public bool DigestOptIn { get; set; }
}

using HrcCommunity.Domain.Features.Notifications;
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
    /// <summary>Asked for the "what is new" digest; off until the person turns it on.</summary>
    public bool DigestOptIn { get; set; }
    /// <summary>
    /// The digest comes every morning rather than every Monday. A flag beside the opt-in rather than a frequency in its
    /// place, so everyone who had asked for the weekly digest before there was a daily one still gets it, with no data
    /// to convert (and a model a generated migration carries over as it is).
    /// </summary>
    public bool DigestDaily { get; set; }
    /// <summary>The areas the digest covers; null follows all of them, which is what the old weekly digest did.</summary>
    public DigestAreas? DigestAreas { get; set; }
    /// <summary>Experts get the waiting-questions digest unless they turned it off (or clicked its unsubscribe link).</summary>
    public bool ExpertDigestOff { get; set; }
}

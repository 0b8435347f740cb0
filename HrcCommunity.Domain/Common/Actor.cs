using RoleNames = HrcCommunity.Domain.Features.Accounts.Roles;

namespace HrcCommunity.Domain.Common;

/// <summary>
/// Who is asking. Every service takes one so that the same permission rules hold for pages,
/// the hub, background jobs and tests alike.
/// </summary>
public sealed record Actor(string? UserId, string DisplayName, IReadOnlySet<string> Roles, bool IsApproved)
{
    public static Actor Anonymous { get; } = new(null, "", new HashSet<string>(), false);

    public static Actor System { get; } = new("system", "HrcCommunity", new HashSet<string> { RoleNames.Admin }, true);

    public bool IsAuthenticated => UserId is not null;

    public bool HasRole(string role) => IsApproved && Roles.Contains(role);

    /// <summary>Approved members of any role read the practitioners' layer.</summary>
    public bool CanSeePractitionerLayer => IsApproved && Roles.Count > 0;

    public bool CanCoordinate => HasRole(RoleNames.Coordinator) || HasRole(RoleNames.Admin);

    public bool CanTriageQuestions => HasRole(RoleNames.Expert) || CanCoordinate;

    public bool IsAdmin => HasRole(RoleNames.Admin);

    public void Require(bool allowed, string what)
    {
        if (!allowed) throw new ForbiddenException(what);
    }
}

namespace HrcCommunity.Domain.Features.Accounts;

public static class Roles
{
    public const string Practitioner = "Practitioner";
    public const string Expert = "Expert";
    public const string Coordinator = "Coordinator";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All = [Practitioner, Expert, Coordinator, Admin];
}

public static class HrcClaims
{
    /// <summary>Present with value "true" once a Coordinator approved the account.</summary>
    public const string Approved = "hrc:approved";
    public const string DisplayName = "hrc:name";
}

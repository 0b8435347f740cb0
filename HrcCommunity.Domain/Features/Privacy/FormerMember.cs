namespace HrcCommunity.Domain.Features.Privacy;

/// <summary>Who a kept contribution is attributed to once its author deleted their account.</summary>
public static class FormerMember
{
    public const string Name = "A former member";
}

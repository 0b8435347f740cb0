using System.Threading.RateLimiting;
using HrcCommunity.Domain.Common;

namespace HrcCommunity.Web.Hosting;

/// <summary>
/// Sign-in posts per account and client address together (the per-address limit is the anonymous-forms policy on
/// the page). Guessing one account's password from one place is slowed at once, without lockout being the only
/// brake and without one noisy office address keeping everyone else in it out.
/// </summary>
public static class SignInRateLimit
{
    public const string Path = "/account/signin";
    private const string AccountKey = "hrc.signin-account";

    /// <summary>
    /// A rate limiter cannot await, so the posted email is read here first; the form stays buffered for the page.
    /// A form that cannot be read is left for the page to refuse.
    /// </summary>
    public static IApplicationBuilder UseSignInAccountForRateLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (IsSignInPost(context) && context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    context.Items[AccountKey] = form["Input.Email"].ToString().Trim().ToUpperInvariant();
                }
                catch (InvalidDataException)
                {
                    // Not counted here: the page refuses a malformed form itself.
                }
            }
            await next();
        });

    public static PartitionedRateLimiter<HttpContext> Limiter(int postsPerMinute) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
            IsSignInPost(context) && context.Items[AccountKey] is string account
                ? RedisFixedWindowRateLimiter.Partition(context, "signin-account", $"{account}|{ClientAddress.Bucket(context.Connection.RemoteIpAddress)}",
                    postsPerMinute, TimeSpan.FromMinutes(1))
                : RateLimitPartition.GetNoLimiter(""));

    private static bool IsSignInPost(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);
}

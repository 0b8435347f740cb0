using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Web.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HrcCommunity.Web.Features.Accounts;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account");

        group.MapPost("/signout", async (SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        });

        // After approval the cookie still says "pending"; this reissues it from the database at once.
        group.MapPost("/refresh", async (HttpContext context, SignInManager<AppUser> signIn, UserManager<AppUser> users, [FromForm] string? returnUrl) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is not null) await signIn.RefreshSignInAsync(user);
            return Results.LocalRedirect(SafeReturnUrl(returnUrl));
        }).RequireAuthorization();

        // "Send the link again" on the pending page: limited per client address here and per account in the service.
        group.MapPost("/confirm-email/resend", async (HttpContext context, EmailConfirmationService confirmation) =>
        {
            try
            {
                await confirmation.ResendAsync(context.User.ToActor(), context.RequestAborted);
                return Results.LocalRedirect("/account/pending?link=sent");
            }
            catch (RateLimitedException)
            {
                return Results.LocalRedirect("/account/pending?link=wait");
            }
        }).RequireAuthorization().RequireRateLimiting(RateLimits.AnonymousForms).WithMetadata(new RequireAntiforgeryTokenAttribute());

        // "Remove" beside a linked Microsoft sign-in on the account page; the security stamp changes, so the cookie is reissued.
        group.MapPost("/signins/remove", async (HttpContext context, AccountSecurityService security, SignInManager<AppUser> signIn,
            UserManager<AppUser> users, [FromForm] string? provider, [FromForm] string? key) =>
        {
            try
            {
                await security.RemoveLinkedSignInAsync(context.User.ToActor(), provider, key);
            }
            catch (ValidationFailedException refused)
            {
                return Results.LocalRedirect(refused.Errors.ContainsKey("login") ? "/account?signins=password-needed" : "/account");
            }
            if (await users.GetUserAsync(context.User) is { } user) await signIn.RefreshSignInAsync(user);
            return Results.LocalRedirect("/account?signins=removed");
        }).RequireAuthorization();

        group.MapMicrosoftSignIn();

        return app;
    }

    /// <summary>
    /// A path on this site, or "/". The framework's local-URL check refuses other hosts, "//", "/\" and control
    /// characters; it is applied again to the decoded text, because "/%2F" and "/%5C" turn into "//" and "/\" in
    /// any code that decodes the path before redirecting. "~/" paths are refused too: a page may not resolve them.
    /// </summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is ['/', ..] && RedirectHttpResult.IsLocalUrl(returnUrl) && RedirectHttpResult.IsLocalUrl(FullyDecoded(returnUrl))
            ? returnUrl
            : "/";

    /// <summary>The text with every layer of percent-encoding undone; "//" (refused) when it is nested deeper than three.</summary>
    private static string FullyDecoded(string url)
    {
        for (var round = 0; round <= 3; round++)
        {
            var decoded = Uri.UnescapeDataString(url);
            if (decoded == url) return url;
            url = decoded;
        }
        return "//";
    }
}

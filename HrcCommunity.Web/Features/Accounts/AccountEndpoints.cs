using HrcCommunity.Domain.Features.Accounts;
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

        return app;
    }

    public static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\")
            ? returnUrl
            : "/";
}

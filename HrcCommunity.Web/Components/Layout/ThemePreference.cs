using HrcCommunity.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;

namespace HrcCommunity.Web.Components.Layout;

/// <summary>
/// Light or dark, as the visitor chose: kept in a cookie rather than local storage so that static pages, which have
/// no circuit, render the chosen theme on the server and never flash the other one first.
/// </summary>
public static class ThemePreference
{
    public const string CookieName = "hrc.theme";
    public const string Dark = "dark";
    public const string Light = "light";

    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[CookieName] == Dark;

    public static IEndpointRouteBuilder MapThemePreference(this IEndpointRouteBuilder app)
    {
        // A form post from the app bar on any page; without a mode it switches to the other theme.
        app.MapPost("/preferences/theme", (HttpContext context, [FromForm] string? mode, [FromForm] string? returnUrl) =>
        {
            if (mode is not (null or "" or Dark or Light))
                return Results.Problem("Choose the light or the dark theme.", statusCode: StatusCodes.Status400BadRequest);
            var chosen = string.IsNullOrEmpty(mode) ? (IsDark(context) ? Light : Dark) : mode;
            context.Response.Cookies.Append(CookieName, chosen, new CookieOptions
            {
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                Path = "/",
            });
            return Results.LocalRedirect(AccountEndpoints.SafeReturnUrl(returnUrl));
        }).DisableAntiforgery();
        return app;
    }
}

using System.Security.Claims;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Identity.Web;

namespace HrcCommunity.Web.Features.Accounts;

/// <summary>
/// Sign-in with a Microsoft work or school account (Entra ID, any organisation's tenant) through Microsoft.Identity.Web,
/// switched on by an <c>AzureAd</c> section with a client id. The provider's answer lands in Identity's short-lived
/// external cookie, never in the session cookie: <see cref="ExternalSignInService"/> first decides which local account
/// it opens, and only then does Identity sign that account in, with its own roles, lockout and two-factor rules.
/// </summary>
public static class MicrosoftSignIn
{
    public const string Scheme = "Microsoft";
    public const string FailedPath = "/account/microsoft/failed";
    private const string Section = "AzureAd";
    private const string DisplayName = "Microsoft";
    // Where SignInManager.ConfigureExternalAuthenticationProperties records the provider the challenge went to.
    private const string LoginProviderItem = "LoginProvider";
    private const string DefaultInstance = "https://login.microsoftonline.com/";

    public static bool IsConfigured(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration[$"{Section}:ClientId"]);

    public static AuthenticationBuilder AddMicrosoftSignIn(this AuthenticationBuilder authentication, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return authentication;
        var section = configuration.GetSection(Section);
        authentication.AddMicrosoftIdentityWebApp(section, Scheme, cookieScheme: null, displayName: DisplayName);
        // Registered after Identity.Web's own configuration, so these win.
        authentication.Services.Configure<OpenIdConnectOptions>(Scheme, options =>
        {
            options.SignInScheme = IdentityConstants.ExternalScheme;
            // Only ever false for a provider on this machine (the tests' stub); Entra itself is https.
            options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            // Entra's issuer as its discovery document gives it: a template for any tenant, or the one tenant configured.
            // Identity.Web's issuer validator tries these (with the token's tid) before it fetches that document again
            // through a retriever of its own, which refuses plain http whatever RequireHttpsMetadata says.
            var tenant = section["TenantId"] is "organizations" or "common" or null ? "{tenantid}" : section["TenantId"];
            options.TokenValidationParameters.ValidIssuers = [$"{(section["Instance"] ?? DefaultInstance).TrimEnd('/')}/{tenant}/v2.0"];
            // A tampered, expired or refused answer: a page that says so, not an exception page.
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MicrosoftSignIn))
                    .LogWarning(context.Failure, "A Microsoft sign-in was refused: {Reason}", context.Failure?.Message);
                context.Response.Redirect($"{FailedPath}?reason=invalid");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
        return authentication;
    }

    /// <summary>
    /// The Entra account as Domain sees it: the key is tenant and object id (the object id alone is unique only within its
    /// tenant; the pairwise <c>sub</c> changes with the app registration). Null without either.
    /// </summary>
    public static ExternalIdentity? IdentityOf(ClaimsPrincipal principal)
    {
        // The handler maps tid, oid and email to long claim-type URIs by default; both spellings are read, so neither the
        // handler's mapping setting nor a change in Identity.Web's defaults changes who signs in.
        var tenant = First(principal, ClaimConstants.Tid, ClaimConstants.TenantId);
        var objectId = First(principal, ClaimConstants.Oid, ClaimConstants.ObjectId);
        if (string.IsNullOrWhiteSpace(tenant) || string.IsNullOrWhiteSpace(objectId)) return null;
        var email = First(principal, "email", ClaimTypes.Email);
        return new ExternalIdentity(Scheme, $"{tenant}/{objectId}", DisplayName, email, IsVerified(principal, email), principal.FindFirstValue("name"));
    }

    private static string? First(ClaimsPrincipal principal, params string[] types) =>
        types.Select(principal.FindFirstValue).FirstOrDefault(value => value is not null);

    /// <summary>
    /// Entra puts any address a tenant's administrator typed into <c>email</c>. It is trusted only when the token also
    /// says so: <c>xms_edov</c> (the tenant owns the address's domain) or the address among <c>verified_primary_email</c>
    /// or <c>verified_secondary_email</c>. Both are optional claims the app registration must ask for.
    /// </summary>
    private static bool IsVerified(ClaimsPrincipal principal, string? email) =>
        !string.IsNullOrWhiteSpace(email)
        && (string.Equals(principal.FindFirstValue("xms_edov"), "true", StringComparison.OrdinalIgnoreCase)
            || principal.FindFirstValue("xms_edov") == "1"
            || principal.FindAll("verified_primary_email").Concat(principal.FindAll("verified_secondary_email"))
                .Any(c => string.Equals(c.Value.Trim(), email.Trim(), StringComparison.OrdinalIgnoreCase)));

    public static RouteGroupBuilder MapMicrosoftSignIn(this RouteGroupBuilder account)
    {
        // The sign-in page's button. Without AzureAd there is no such way to sign in, and the address says so.
        account.MapPost("/microsoft/signin", async (IAuthenticationSchemeProvider schemes, SignInManager<AppUser> signIn, [FromForm] string? returnUrl) =>
        {
            if (await schemes.GetSchemeAsync(Scheme) is null) return Results.NotFound();
            var done = $"/account/microsoft/done?returnUrl={Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl))}";
            return Results.Challenge(signIn.ConfigureExternalAuthenticationProperties(Scheme, done), [Scheme]);
        }).RequireRateLimiting(RateLimits.AnonymousForms);

        // Where the handler sends the browser once /signin-oidc has validated the token into the external cookie.
        account.MapGet("/microsoft/done", async (HttpContext context, SignInManager<AppUser> signIn, ExternalSignInService accounts, string? returnUrl) =>
        {
            var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
            var identity = external.Succeeded && external.Properties.Items.TryGetValue(LoginProviderItem, out var provider) && provider == Scheme
                ? IdentityOf(external.Principal)
                : null;
            if (identity is null) return await RefuseAsync(context, "invalid");

            ExternalAccount account;
            try
            {
                account = await accounts.ResolveAsync(identity, context.RequestAborted);
            }
            catch (ExternalSignInRefusedException refused)
            {
                return await RefuseAsync(context, ReasonCode(refused.Reason));
            }

            var next = AccountEndpoints.SafeReturnUrl(returnUrl);
            var result = await signIn.ExternalLoginSignInAsync(Scheme, identity.Key, isPersistent: false, bypassTwoFactor: false);
            if (result.Succeeded) return Results.LocalRedirect(account.Created ? "/account/pending" : next);
            if (result.RequiresTwoFactor) return Results.LocalRedirect($"/account/signin-2fa?returnUrl={Uri.EscapeDataString(next)}");
            return await RefuseAsync(context, result.IsLockedOut ? "locked" : "not-allowed");
        });

        return account;
    }

    private static async Task<IResult> RefuseAsync(HttpContext context, string reason)
    {
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        return Results.LocalRedirect($"{FailedPath}?reason={reason}");
    }

    private static string ReasonCode(ExternalSignInRefusal reason) => reason switch
    {
        ExternalSignInRefusal.UnverifiedEmail => "unverified",
        ExternalSignInRefusal.LinkedToAnotherAccount => "linked-elsewhere",
        ExternalSignInRefusal.AccountLinkedElsewhere => "account-linked",
        _ => "conflict",
    };
}

using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting;

namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>
/// Identity asks this before every password and two-factor sign-in (with SignIn.RequireConfirmedAccount on): a demo
/// account outside Development is refused even if one got into the database. Every other account may sign in, confirmed
/// email or not, because the pending page is where an applicant confirms it.
/// </summary>
public sealed class DemoAccountSignInRule(IHostEnvironment environment) : IUserConfirmation<AppUser>
{
    public Task<bool> IsConfirmedAsync(UserManager<AppUser> manager, AppUser user) =>
        Task.FromResult(DemoUsers.AllowedIn(environment) || !DemoUsers.IsDemo(user));
}

using HrcCommunity.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace HrcCommunity.Domain.Features.Accounts;

public sealed record Registration(string Email, string Password, string DisplayName, string City, string Organisation);

/// <summary>
/// Creates accounts: every new account starts pending, with no role and an unconfirmed email address; once the
/// address is confirmed a Coordinator can approve it. Scoped, because Identity's UserManager is; it is used from
/// request-scoped pages only.
/// </summary>
public sealed class RegistrationService(UserManager<AppUser> users, EmailConfirmationService confirmation, TimeProvider clock)
{
    public async Task<AppUser> RegisterAsync(Registration input)
    {
        new Validator()
            .Email("email", input.Email, "Email", required: true)
            .Required("displayName", input.DisplayName, "Your name", AppUser.NameMax)
            .Required("city", input.City, "City", AppUser.CityMax)
            .Required("organisation", input.Organisation, "Organisation", AppUser.OrganisationMax)
            .Required("password", input.Password, "Password", 200)
            .ThrowIfInvalid();

        var email = input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
            throw new ValidationFailedException("email", "An account with that email already exists. Sign in, or reset your password.");

        var user = new AppUser
        {
            UserName = email, Email = email, DisplayName = input.DisplayName.Trim(), City = input.City.Trim(),
            Organisation = input.Organisation.Trim(), ApprovalStatus = ApprovalStatus.Pending,
            RegisteredAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, input.Password);
        if (!result.Succeeded)
            throw new ValidationFailedException(new Dictionary<string, string[]>
            {
                ["password"] = result.Errors.Select(e => e.Description).ToArray(),
            });

        await confirmation.SendLinkAsync(user);
        return user;
    }
}

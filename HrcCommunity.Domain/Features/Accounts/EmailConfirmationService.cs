using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Live;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Accounts;

/// <summary>
/// Proves a new account's email address is its owner's before a Coordinator is asked to approve it: approval trusts
/// the address (it is how the network reaches and recognises a practitioner). Identity's email confirmation token, sent
/// through the outbox. Scoped, because Identity's UserManager is; used from request-scoped pages and endpoints only.
/// </summary>
public sealed class EmailConfirmationService(
    UserManager<AppUser> users,
    IDbContextFactory<HrcDbContext> dbFactory,
    ILiveNotifier<AccountChanged> notifier,
    IOptions<EmailOptions> email,
    TimeProvider clock)
{
    public const string Category = "accounts/confirm-email";
    /// <summary>A new link at most this often, and <see cref="MaxLinksPerDay"/> a day: the button must not become a way to flood an inbox.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(2);
    public const int MaxLinksPerDay = 5;

    public async Task SendLinkAsync(AppUser user, CancellationToken ct = default)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = $"{email.Value.PublicBaseUrl.TrimEnd('/')}/account/confirm-email?userId={Uri.EscapeDataString(user.Id)}&code={Uri.EscapeDataString(token)}";
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Enqueue(clock, user.Email!, AccountEmails.Text("ConfirmSubject"), AccountEmails.Text("ConfirmText", user.DisplayName, link), Category);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>"Send the link again" on the pending page.</summary>
    public async Task ResendAsync(Actor actor, CancellationToken ct = default)
    {
        actor.Require(actor.IsAuthenticated, "ask for a confirmation link");
        var user = await users.FindByIdAsync(actor.UserId!) ?? throw new NotFoundException("Your account");
        if (user.EmailConfirmed) return;
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var sent = await db.OutboxEmails.Where(m => m.To == user.Email && m.Category == Category && m.CreatedAt > now.AddDays(-1))
                .Select(m => m.CreatedAt).ToListAsync(ct);
            if (sent.Count >= MaxLinksPerDay || sent.Any(at => at > now - ResendInterval))
                throw new RateLimitedException("A confirmation link was sent to you only a short while ago. Check your inbox and spam folder, and wait a few minutes before asking again.");
        }
        await SendLinkAsync(user, ct);
    }

    public async Task ConfirmAsync(string? userId, string? code, CancellationToken ct = default)
    {
        const string Invalid = "This confirmation link is not valid or has expired. Sign in, and ask for a new link on your account's page.";
        var user = string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(code) ? null : await users.FindByIdAsync(userId);
        if (user is null) throw new ValidationFailedException("code", Invalid);
        if (user.EmailConfirmed) return;
        var result = await users.ConfirmEmailAsync(user, code!);
        if (!result.Succeeded) throw new ValidationFailedException("code", Invalid);

        // Now the account enters the Coordinators' queue, and the applicant's own page moves on. No actor: the link
        // was opened from an email, so the applicant's open pending page has not seen this change and must not skip it.
        var changed = new AccountChanged(user.Id, user.ApprovalStatus);
        await notifier.PublishAsync(AccountChanged.QueueTopic, null, changed);
        await notifier.PublishAsync(AccountChanged.AccountTopic(user.Id), null, changed);
    }
}

using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HrcCommunity.Tests.Features.Notifications;

/// <summary>One-click unsubscribe (RFC 8058), from a digest delivered by a real SMTP server (aiosmtpd).</summary>
[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class UnsubscribeTests
{
    [Fact]
    public async Task Digest_CarriesOneClickUnsubscribeHeaders_AndTheLinkStopsTheNextDigest()
    {
        await using var smtp = new SmtpServerProcess();
        await smtp.StartAsync();
        await using var database = await SqliteDatabase.CreateAsync();
        var digests = database.Get<DigestService>();
        var reader = await database.CreateUserAsync("Una Subscriber", Roles.Practitioner);
        await digests.SetPreferencesAsync(reader, new DigestPreferences(DigestFrequency.Weekly, DigestAreas.All, null));
        await IndexNewsAsync(database, "first");

        Assert.Equal(1, await digests.SendAsync(DigestFrequency.Weekly, database.Clock.GetUtcNow().UtcDateTime.AddDays(1)));
        await Dispatcher(database, smtp.Port).DispatchDueAsync(CancellationToken.None);

        var message = Assert.Single(smtp.Messages());
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var oneClick = new Uri(message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>'));
        Assert.EndsWith("/one-click", oneClick.AbsolutePath);
        Assert.Contains(oneClick.AbsolutePath[..^"/one-click".Length], message.TextBody);
        var token = oneClick.Segments[^2].TrimEnd('/');

        var links = database.Get<UnsubscribeLinks>();
        Assert.True(await links.UnsubscribeAsync(token));
        Assert.True(await links.UnsubscribeAsync(token), "A second post finds the person already unsubscribed.");
        Assert.Equal(DigestFrequency.None, (await digests.GetPreferencesAsync(reader)).Frequency);

        await IndexNewsAsync(database, "second");
        Assert.Equal(0, await digests.SendAsync(DigestFrequency.Weekly, database.Clock.GetUtcNow().UtcDateTime.AddDays(8)));
    }

    [Fact]
    public async Task Unsubscribe_RefusesATokenThatIsNotOurs_OrNamesSomeoneElse()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var digests = database.Get<DigestService>();
        var victim = await database.CreateUserAsync("Vic Tim", Roles.Practitioner);
        var other = await database.CreateUserAsync("Otto Other", Roles.Practitioner);
        await digests.SetPreferencesAsync(victim, new DigestPreferences(DigestFrequency.Weekly, DigestAreas.All, null));
        var links = database.Get<UnsubscribeLinks>();
        var othersToken = links.TokenFor(other.UserId!);
        var mac = othersToken[(othersToken.LastIndexOf('.') + 1)..];

        Assert.False(await links.UnsubscribeAsync($"{victim.UserId}.{mac}"));
        Assert.False(await links.UnsubscribeAsync(victim.UserId!));
        Assert.False(await links.UnsubscribeAsync(""));
        Assert.False(await links.IsValidAsync($"{victim.UserId}.{new string('0', 40)}"));
        Assert.Equal(DigestFrequency.Weekly, (await digests.GetPreferencesAsync(victim)).Frequency);
    }

    private static async Task IndexNewsAsync(SqliteDatabase database, string key)
    {
        database.Clock.Advance(TimeSpan.FromDays(1));
        await using var db = database.CreateDbContext();
        await db.IndexAsync(new SearchDocument("news", key, $"/news/{key}", $"News {key}", "", "", []), database.Clock);
        await db.SaveChangesAsync();
    }

    private static OutboxDispatcher Dispatcher(SqliteDatabase database, int port) =>
        new(database.Get<IDbContextFactory<HrcDbContext>>(),
            new SmtpEmailTransport(Options.Create(new EmailOptions
            {
                SmtpHost = "127.0.0.1", SmtpPort = port, SmtpSecurity = SecureSocketOptions.None, SmtpTimeout = TimeSpan.FromSeconds(10),
            }), NullLogger<SmtpEmailTransport>.Instance),
            database.Clock, Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance);
}

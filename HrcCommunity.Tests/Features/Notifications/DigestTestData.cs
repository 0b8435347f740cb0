using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Features.Notifications;

internal static class DigestTestData
{
    /// <summary>A person with the given roles who chose this digest.</summary>
    public static async Task<Actor> ReaderAsync(SqliteDatabase database, string name, DigestFrequency frequency,
        DigestAreas areas = DigestAreas.All, params string[] roles)
    {
        var reader = await database.CreateUserAsync(name, roles);
        await database.Get<DigestService>().SetPreferencesAsync(reader, new DigestPreferences(frequency, areas, null));
        return reader;
    }

    /// <summary>Publishes a record in the search index one minute after the last, so "newest first" has an order.</summary>
    public static async Task IndexAsync(SqliteDatabase database, string kind, string key, string title, ContentLayer layer = ContentLayer.Public)
    {
        database.Clock.Advance(TimeSpan.FromMinutes(1));
        await using var db = database.CreateDbContext();
        await db.IndexAsync(new SearchDocument(kind, key, $"/{kind}/{key}", title, "", "", [], layer), database.Clock);
        await db.SaveChangesAsync();
    }

    public static async Task RemoveRolesAsync(SqliteDatabase database, Actor person)
    {
        await using var db = database.CreateDbContext();
        await db.UserRoles.Where(r => r.UserId == person.UserId).ExecuteDeleteAsync();
    }

    public static async Task<string> EmailOfAsync(SqliteDatabase database, Actor person)
    {
        await using var db = database.CreateDbContext();
        return await db.Users.Where(u => u.Id == person.UserId).Select(u => u.Email!).SingleAsync();
    }

    /// <summary>Sends what is in the outbox to the SMTP server, as the app's dispatcher does.</summary>
    public static Task DispatchAsync(SqliteDatabase database, SmtpServerProcess smtp) =>
        new OutboxDispatcher(database.Get<IDbContextFactory<HrcDbContext>>(),
            new SmtpEmailTransport(Options.Create(new EmailOptions
            {
                SmtpHost = "127.0.0.1", SmtpPort = smtp.Port, SmtpSecurity = SecureSocketOptions.None, SmtpTimeout = TimeSpan.FromSeconds(10),
            }), NullLogger<SmtpEmailTransport>.Instance),
            database.Clock, Options.Create(new EmailOptions()), NullLogger<OutboxDispatcher>.Instance).DispatchDueAsync(CancellationToken.None);
}

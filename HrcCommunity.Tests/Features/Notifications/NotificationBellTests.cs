using Bunit;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Notifications;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Notifications;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace HrcCommunity.Tests.Features.Notifications;

public sealed class NotificationBellTests
{
    [Fact]
    public async Task Bell_OnAStaticPage_IsALinkWithTheUnreadCountFromTheServer()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ana = await database.CreateUserAsync("Ana", Roles.Practitioner);
        await NotifyAsync(database, ana, "one");
        await NotifyAsync(database, ana, "two");
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.AddHrcServices(database).SignIn(ana);
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = ctx.Render<NotificationBell>();

        var link = cut.Find("a.bell");
        Assert.Equal(NotificationLinks.Inbox, link.GetAttribute("href"));
        Assert.Equal("Notifications, 2 unread", link.GetAttribute("aria-label"));
        Assert.Equal("2", cut.Find(".bell__count").TextContent);
    }

    [Fact]
    public async Task Bell_OnAnInteractivePage_CountsNewOnesLive_AndClearsWhenAllAreRead()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ana = await database.CreateUserAsync("Ana", Roles.Practitioner);
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        ctx.AddHrcServices(database).SignIn(ana);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = ctx.Render<NotificationBell>();
        Assert.Equal("Notifications, none unread", cut.Find("a.bell").GetAttribute("aria-label"));
        Assert.Empty(cut.FindAll(".bell__count"));

        await NotifyAsync(database, ana, "one");
        await NotifyAsync(database, ana, "two");
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".bell__count").TextContent));

        await database.Get<NotificationService>().MarkAllReadAsync(ana);
        cut.WaitForAssertion(() => Assert.Equal("Notifications, none unread", cut.Find("a.bell").GetAttribute("aria-label")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Bell_ForAVisitorOrAPendingAccount_IsNotShown(bool signedInPending)
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using var ctx = new BunitContext();
        ctx.Services.AddMudServices();
        var user = ctx.AddHrcServices(database);
        if (signedInPending) user.SignIn(await database.CreateUserAsync("Pending Person", ApprovalStatus.Pending));

        var cut = ctx.Render<NotificationBell>();

        Assert.Empty(cut.FindAll("a.bell"));
    }

    private static async Task NotifyAsync(SqliteDatabase database, Actor who, string text)
    {
        await using var db = database.CreateDbContext();
        await db.NotifyAsync(database.Clock, new Notice(who.UserId!, NotificationKind.RoomMention, text, "/events"), null, default);
        await db.SaveChangesAsync();
    }
}

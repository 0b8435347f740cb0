using Bunit;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Drafts;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Dialogues;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Dialogues;

/// <summary>RoomLive's message box, over a real room: its text, its draft and what the room refuses.</summary>
public sealed class DialoguesComponentTests
{
    private static readonly RendererInfo Interactive = new("Server", isInteractive: true);

    private static IRenderedComponent<RoomLive> OpenRoom(BunitContext ctx, SqliteDatabase database, RoomFixture room, Domain.Common.Actor who)
    {
        ctx.AddHrcServices(database).SignIn(who);
        ctx.Services.AddSingleton<RoomMessageMarkup>();
        // The room's stream rule resolves it from the container itself, where the fallback to the database's services does not reach.
        ctx.Services.AddSingleton(database.Get<DialogueAccess>());
        ctx.SetRendererInfo(Interactive);
        var cut = ctx.Render<RoomLive>(p => p.Add(x => x.Id, room.EventId));
        cut.WaitForElement("#room-message");
        return cut;
    }

    [Fact]
    public async Task Composer_KeepsWhatIsBeingTyped_WhenAMessageArrives_AndRepliesToIt()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(database);
        await using var ctx = new BunitContext();
        var cut = OpenRoom(ctx, database, room, room.Ada);

        cut.Find("#room-message").Input("Half a thought about Graz");
        var arrived = await database.Get<DialogueRoomService>().PostAsync(room.Bruno, room.EventId, "Meanwhile in York…");
        cut.WaitForAssertion(() => Assert.Contains("Meanwhile in York", cut.Find("[data-room-messages]").TextContent));

        Assert.Equal("Half a thought about Graz", cut.Find("#room-message").GetAttribute("value"));
        await cut.Find("[data-room-messages]").TriggerEventAsync("onroomaction",
            new RoomActionEventArgs { Action = "reply", Id = arrived.Id.ToString() });
        Assert.Contains("Replying to Bruno Berg", cut.Find(".room-replying").TextContent);
        Assert.Equal("Half a thought about Graz", cut.Find("#room-message").GetAttribute("value"));
    }

    [Fact]
    public async Task Composer_WhenTheRoomRefusesTheMessage_KeepsTheTextAndSaysWhy_AndWhenSent_ClearsTextAndDraft()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(database);
        await database.Get<DraftService>().SaveAsync(room.Ada, $"room/{room.EventId}", "An old draft");
        await using var ctx = new BunitContext();
        var cut = OpenRoom(ctx, database, room, room.Ada);
        cut.WaitForAssertion(() => Assert.Equal("An old draft", cut.Find("#room-message").GetAttribute("value")));
        Assert.Contains("We restored the draft", cut.Find("[data-draft-status]").TextContent);

        // Past the box's maxlength, as a client that ignores it would send: the room refuses, the text stays.
        var tooLong = new string('x', DialogueMessage.TextMax + 1);
        cut.Find("#room-message").Input(tooLong);
        await cut.Find("form.room-composer").SubmitAsync();

        Assert.Equal(tooLong, cut.Find("#room-message").GetAttribute("value"));
        Assert.Contains("The message", cut.Find("#composer-error [role=alert]").TextContent);

        cut.Find("#room-message").Input("Is anyone there?");
        await cut.Find("form.room-composer").SubmitAsync();

        Assert.Equal("", cut.Find("#room-message").GetAttribute("value") ?? "");
        Assert.Empty(cut.FindAll("#composer-error [role=alert]"));
        Assert.Contains("Is anyone there?", cut.Find("[data-room-messages]").TextContent);
        Assert.Null(await database.Get<DraftService>().LoadAsync(room.Ada, $"room/{room.EventId}"));
    }

    [Fact]
    public async Task Composer_DiscardingARestoredDraft_EmptiesTheBoxAndDeletesTheDraft()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(database);
        await database.Get<DraftService>().SaveAsync(room.Ada, $"room/{room.EventId}", "An old draft");
        await using var ctx = new BunitContext();
        var cut = OpenRoom(ctx, database, room, room.Ada);
        cut.WaitForAssertion(() => Assert.Equal("An old draft", cut.Find("#room-message").GetAttribute("value")));

        await cut.Find("[data-draft-status] button").ClickAsync(new());

        Assert.Equal("", cut.Find("#room-message").GetAttribute("value") ?? "");
        Assert.Empty(cut.Find("[data-draft-status]").TextContent.Trim());
        Assert.Null(await database.Get<DraftService>().LoadAsync(room.Ada, $"room/{room.EventId}"));
    }

    [Fact]
    public async Task Composer_WhenMuted_SaysWhyAndCannotSend()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var room = await RoomFixture.CreateAsync(database);
        await database.Get<DialogueRoomService>().SetMutedAsync(room.Organiser, room.EventId, room.Bruno.UserId!, true);
        await using var ctx = new BunitContext();

        var cut = OpenRoom(ctx, database, room, room.Bruno);

        Assert.True(cut.Find("#room-message").HasAttribute("disabled"));
        Assert.True(cut.Find("form.room-composer button[type=submit]").HasAttribute("disabled"));
        Assert.Contains("A moderator muted you", cut.Find("#composer-hint").TextContent);
    }
}

using Bunit;
using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Domain.Features.Drafts;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Dialogues;
using Microsoft.AspNetCore.Components;

namespace HrcCommunity.Tests.Features.Dialogues;

public sealed class DialoguesComponentTests
{
    private static readonly RendererInfo Interactive = new("Server", isInteractive: true);

    private static readonly RoomMessage Arrived = new(7, null, "someone", "Bruno Berg", "York", "Meanwhile…", "<p>Meanwhile…</p>", [],
        DateTime.UtcNow, null, false, []);

    [Fact]
    public async Task Composer_KeepsWhatIsBeingTyped_WhenTheRoomAroundItRendersAgain()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(await database.CreateUserAsync("Ada Lind", "Practitioner"));
        ctx.SetRendererInfo(Interactive);
        var cut = ctx.Render<RoomComposer>(p => p.Add(x => x.EventId, 1).Add(x => x.Send, _ => Task.FromResult<string?>(null)));

        cut.Find("textarea").Input("Half a thought about Graz");
        // What a message from someone else does: the page renders the composer again with its parameters.
        cut.Render(p => p.Add(x => x.EventId, 1).Add(x => x.Send, _ => Task.FromResult<string?>(null)).Add(x => x.ReplyTo, Arrived));

        Assert.Equal("Half a thought about Graz", cut.Find("textarea").GetAttribute("value"));
        Assert.Contains("Replying to Bruno Berg", cut.Markup);
    }

    [Fact]
    public async Task Composer_WhenTheRoomRefusesTheMessage_KeepsTheTextAndSaysWhy_AndWhenSent_ClearsTextAndDraft()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var actor = await database.CreateUserAsync("Ada Lind", "Practitioner");
        await database.Get<DraftService>().SaveAsync(actor, "room/1", "An old draft");
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(actor);
        ctx.SetRendererInfo(Interactive);
        string? refusal = "The room is locked: only moderators can post now.";
        var sent = new List<string>();
        var cut = ctx.Render<RoomComposer>(p => p.Add(x => x.EventId, 1).Add(x => x.Send, text =>
        {
            sent.Add(text);
            return Task.FromResult<string?>(refusal);
        }));
        cut.WaitForAssertion(() => Assert.Equal("An old draft", cut.Find("textarea").GetAttribute("value")));

        cut.Find("textarea").Input("Is anyone there?");
        await cut.Find("form").SubmitAsync();

        Assert.Equal("Is anyone there?", cut.Find("textarea").GetAttribute("value"));
        Assert.Contains("The room is locked", cut.Find("[role=alert]").TextContent);

        refusal = null;
        await cut.Find("form").SubmitAsync();

        Assert.Equal(["Is anyone there?", "Is anyone there?"], sent);
        Assert.Equal("", cut.Find("textarea").GetAttribute("value") ?? "");
        Assert.Null(await database.Get<DraftService>().LoadAsync(actor, "room/1"));
    }

    [Fact]
    public async Task Composer_WhenBlocked_SaysWhyAndCannotSend()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(await database.CreateUserAsync("Bruno Berg", "Practitioner"));
        ctx.SetRendererInfo(Interactive);

        var cut = ctx.Render<RoomComposer>(p => p.Add(x => x.EventId, 1).Add(x => x.Send, _ => Task.FromResult<string?>(null))
            .Add(x => x.Blocked, "A moderator muted you in this room."));

        Assert.True(cut.Find("textarea").HasAttribute("disabled"));
        Assert.True(cut.Find("button[type=submit]").HasAttribute("disabled"));
        Assert.Contains("A moderator muted you", cut.Find("#composer-hint").TextContent);
    }
}

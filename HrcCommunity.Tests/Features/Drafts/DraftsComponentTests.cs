using Bunit;
using HrcCommunity.Domain.Features.Drafts;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Drafts;
using Microsoft.AspNetCore.Components;

namespace HrcCommunity.Tests.Features.Drafts;

/// <summary>DraftAutosave on its own, over a real database: the flows across connections stay in the browser suite.</summary>
public sealed class DraftsComponentTests
{
    private static readonly RendererInfo Interactive = new("Server", isInteractive: true);

    [Fact]
    public async Task DraftAutosave_WhenTheFormChanges_SavesItAndSaysSo()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var actor = await database.CreateUserAsync("Cora Coordinator", "Coordinator");
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(actor);
        ctx.SetRendererInfo(Interactive);
        var text = "original";
        var cut = ctx.Render<DraftAutosave>(p => p.Add(x => x.Key, "site-page/about").Add(x => x.Snapshot, () => text)
            .Add(x => x.Interval, TimeSpan.FromMilliseconds(20)));

        text = "changed";

        cut.WaitForAssertion(() => Assert.StartsWith("Draft saved at", cut.Find("[data-draft-status]").TextContent.Trim()));
        var saved = await database.Get<DraftService>().LoadAsync(actor, "site-page/about");
        Assert.Equal("changed", saved?.Content);
    }

    [Fact]
    public async Task DraftAutosave_OffersASavedDraftBack_AndDiscardingItDeletesTheDraft()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var actor = await database.CreateUserAsync("Cora Coordinator", "Coordinator");
        var drafts = database.Get<DraftService>();
        await drafts.SaveAsync(actor, "site-page/about", "half-written");
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(actor);
        ctx.SetRendererInfo(Interactive);
        string? restored = null;
        var discarded = false;
        var cut = ctx.Render<DraftAutosave>(p => p.Add(x => x.Key, "site-page/about").Add(x => x.Snapshot, () => restored ?? "original")
            .Add(x => x.OnRestore, (string content) => restored = content)
            .Add(x => x.OnDiscard, EventCallback.Factory.Create(this, () => discarded = true)));

        cut.WaitForAssertion(() => Assert.Contains("We restored the draft", cut.Find("[data-draft-status]").TextContent));
        Assert.Equal("half-written", restored);
        await cut.Find("[data-draft-status] button").ClickAsync(new());

        Assert.True(discarded);
        Assert.Null(await drafts.LoadAsync(actor, "site-page/about"));
        Assert.Empty(cut.Find("[data-draft-status]").TextContent.Trim());
    }

    [Fact]
    public async Task DraftAutosave_DuringPrerendering_NeitherRestoresNorSaves()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var actor = await database.CreateUserAsync("Cora Coordinator", "Coordinator");
        await database.Get<DraftService>().SaveAsync(actor, "site-page/about", "half-written");
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(actor);
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        string? restored = null;

        var cut = ctx.Render<DraftAutosave>(p => p.Add(x => x.Key, "site-page/about").Add(x => x.Snapshot, () => "original")
            .Add(x => x.OnRestore, (string content) => restored = content).Add(x => x.Interval, TimeSpan.FromMilliseconds(20)));
        await Task.Delay(100);

        Assert.Null(restored);
        Assert.Empty(cut.Find("[data-draft-status]").TextContent.Trim());
    }
}

using Bunit;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Knowledge;
using Microsoft.AspNetCore.Components;

namespace HrcCommunity.Tests.Features.Knowledge;

public sealed class KnowledgeComponentTests
{
    [Fact]
    public async Task ThemePicker_GroupsTheVocabulary_AndMarksOnlyTheChosenThemes()
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<ThemePicker>(p => p.Add(x => x.Id, "themes").Add(x => x.Label, "Themes")
            .Add(x => x.Value, ["sdg-11", "right-work-and-social-security"]));

        Assert.Equal(["Sustainable Development Goals", "Rights", "Thematic cities"],
            cut.FindAll("optgroup").Select(g => g.GetAttribute("label")));
        Assert.Equal(["right-work-and-social-security", "sdg-11"],
            cut.FindAll("option[selected]").Select(o => o.GetAttribute("value")).Order());
        Assert.Equal("themes-hint", cut.Find("select").GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task ThemePicker_WhenTheSelectionChanges_ReportsTheChosenCodes()
    {
        await using var ctx = new BunitContext();
        string[]? reported = null;
        var cut = ctx.Render<ThemePicker>(p => p.Add(x => x.Id, "themes").Add(x => x.Label, "Themes")
            .Add(x => x.ValueChanged, (string[] v) => reported = v));

        // What Blazor's event reader makes of a multiple select: the chosen values as a string array.
        cut.Find("select").TriggerEvent("onchange", new ChangeEventArgs { Value = new[] { "sdg-1", "sdg-5" } });

        Assert.Equal(["sdg-1", "sdg-5"], reported!);
    }

    [Fact]
    public async Task LinkRowsEditor_AddsAndRemovesRows_AndBindsTheirFields()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();
        List<LinkRow> rows = [new() { Title = "First", Url = "https://example.org/1" }];
        var cut = ctx.Render<LinkRowsEditor>(p => p.Add(x => x.Rows, rows));

        cut.FindAll("button").Single(b => b.TextContent == "Add a link").Click();
        Assert.Equal(2, rows.Count);
        cut.Find("#link-title-2").Change("Second");
        cut.Find("#link-url-2").Change("https://example.org/2");
        cut.FindAll("button").Single(b => b.TextContent == "Remove link 1").Click();

        var left = Assert.Single(rows);
        Assert.Equal(("Second", "https://example.org/2"), (left.Title, left.Url));
        Assert.Equal("Title of link 1", cut.Find("label[for='link-title-1']").TextContent);
        Assert.Empty(cut.FindAll("#link-title-2"));
    }
}

using Bunit;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Questions;

namespace HrcCommunity.Tests.Features.Questions;

public sealed class QuestionsComponentTests
{
    [Fact]
    public async Task CountTable_WithoutRows_SaysThereIsNoData()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();

        var cut = ctx.Render<CountTable>(p => p.Add(x => x.Caption, "By topic").Add(x => x.Label, "Topic").Add(x => x.Rows, []));

        Assert.Equal("By topic", cut.Find("caption").TextContent);
        Assert.Equal("no data", cut.Find("tbody td[colspan='2']").TextContent);
    }

    [Fact]
    public async Task CountTable_ListsEachRowWithItsCount()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();

        var cut = ctx.Render<CountTable>(p => p.Add(x => x.Caption, "By topic").Add(x => x.Label, "Topic")
            .Add(x => x.Rows, [new CountBy("Housing", 4), new CountBy("Education", 1)]));

        var rows = cut.FindAll("tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        Assert.Equal([["Housing", "4"], ["Education", "1"]], rows);
        Assert.Empty(cut.FindAll("td[colspan]"));
    }

    [Fact]
    public async Task LogTable_WithoutEntries_RendersNoTable()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();

        var cut = ctx.Render<LogTable>(p => p.Add(x => x.Entries, []));

        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public async Task LogTable_NamesActionsAndStatesInWords_AndLinksTheQuestionOnlyWhenAsked()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();
        LogView[] entries = [new(12, "Housing for refugees", QuestionAction.Claim, QuestionState.New, QuestionState.Claimed,
            "Erin Expert", "", new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc))];

        var withoutQuestion = ctx.Render<LogTable>(p => p.Add(x => x.Entries, entries));
        var withQuestion = ctx.Render<LogTable>(p => p.Add(x => x.Entries, entries).Add(x => x.ShowQuestion, true));

        var cells = withoutQuestion.FindAll("tbody td").Select(td => td.TextContent).ToList();
        Assert.Equal(["2026-11-22 09:30", "Claimed", "New → Being answered", "Erin Expert", ""], cells);
        Assert.Empty(withoutQuestion.FindAll("a"));
        Assert.Equal("/experts/questions/12", withQuestion.Find("tbody a").GetAttribute("href"));
        Assert.Equal("Housing for refugees", withQuestion.Find("tbody a").TextContent);
        Assert.Equal(withoutQuestion.FindAll("thead th").Count + 1, withQuestion.FindAll("thead th").Count);
    }
}

using Bunit;
using HrcCommunity.Domain.Features.Networks;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Networks;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Networks;

/// <summary>The directory's picker and list page on their own, over the seeded networks of a real database.</summary>
public sealed class NetworksComponentTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task NetworkPicker_ListsTheDirectoryNetworks_AndMarksTheChosenOnes()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database);
        var all = await database.Get<NetworkDirectoryService>().ListOptionsAsync();

        var cut = ctx.Render<NetworkPicker>(p => p.Add(x => x.Id, "networks").Add(x => x.Label, "Networks")
            .Add(x => x.Value, ["leading-cities"]));

        cut.WaitForAssertion(() => Assert.Equal(all.Select(n => n.Slug), cut.FindAll("option").Select(o => o.GetAttribute("value"))));
        Assert.Equal("leading-cities", Assert.Single(cut.FindAll("option[selected]")).GetAttribute("value"));
    }

    [Fact]
    public async Task DirectoryPage_IsAGetFormWhoseUrlCarriesTheFacetsAndSort_AndShowsTheirResults()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/directory?region=europe&sort=members");

        var cut = ctx.Render<NetworkListPage>();

        var form = cut.Find("form.directory");
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.True(form.HasAttribute("data-autosubmit"));
        Assert.Equal("region", cut.Find("#facet-region-europe").GetAttribute("name"));
        Assert.True(cut.Find("#facet-region-europe").HasAttribute("checked"));
        Assert.Equal("members", cut.Find("#directory-sort option[selected]").GetAttribute("value"));
        Assert.Equal("covenant-of-mayors-europe", cut.Find(".network-card").GetAttribute("data-slug"));
    }

    [Fact]
    public async Task DirectoryPage_ALongFacetShowsTheMostUsedFirst_AndFoldsTheRestBehindShowAll()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database);

        var cut = ctx.Render<NetworkListPage>();

        var themes = cut.Find("fieldset[data-facet=theme]");
        var counts = themes.QuerySelectorAll(":scope > .checkbox .facet-count").Select(c => int.Parse(c.GetAttribute("data-count")!)).ToList();
        var folded = themes.QuerySelectorAll(".facet-more .facet-count").Select(c => int.Parse(c.GetAttribute("data-count")!)).ToList();
        Assert.Equal(8, counts.Count);
        Assert.NotEmpty(folded);
        Assert.Equal(counts.OrderByDescending(c => c), counts);
        Assert.True(folded.Max() <= counts.Min());
        Assert.Equal($"Show all {counts.Count + folded.Count}", themes.QuerySelector(".facet-more summary")!.TextContent);
    }

    [Fact]
    public async Task DirectoryPage_ATickedThemeOutsideTheMostUsed_StaysInView()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database);
        var first = ctx.Render<NetworkListPage>();
        var rare = first.Find("fieldset[data-facet=theme] .facet-more input").GetAttribute("value");
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/directory?theme={rare}");

        var cut = ctx.Render<NetworkListPage>();

        var ticked = cut.Find($"#facet-theme-{rare}");
        Assert.True(ticked.HasAttribute("checked"));
        Assert.Null(ticked.Closest(".facet-more"));
    }

    [Fact]
    public async Task DirectoryPage_OnAMiddlePage_LinksBothWaysAndMarksTheCurrentPage()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database);
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/directory?pageSize=2&page=2");

        var cut = ctx.Render<NetworkListPage>();

        var pager = cut.Find("nav.pager");
        Assert.Equal("2", pager.QuerySelector("[aria-current=page]")?.TextContent);
        // Page 1 is the default, so its link leaves the page out.
        Assert.Equal("/directory?pageSize=2", pager.QuerySelector("a[rel=prev]")?.GetAttribute("href"));
        Assert.Contains("page=3", pager.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        Assert.Equal(2, cut.FindAll(".network-card").Count);
        Assert.Equal("3", cut.Find("ol.network-list").GetAttribute("start"));
    }
}

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
    public async Task DirectoryPage_TickingAFacetAndChoosingASort_NavigateToTheShareableUrlAndUpdateTheResults()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database);
        var navigation = ctx.Services.GetRequiredService<NavigationManager>();
        var cut = ctx.Render<NetworkListPage>();
        var total = cut.Find(".result-count").TextContent;

        cut.Find("#facet-region-europe").Change(true);
        Assert.Contains("region=europe", navigation.Uri);
        cut.WaitForAssertion(() => Assert.NotEqual(total, cut.Find(".result-count").TextContent));
        cut.Find("#directory-sort").Change("members");

        Assert.Contains("sort=members", navigation.Uri);
        Assert.Contains("region=europe", navigation.Uri);
        cut.WaitForAssertion(() => Assert.Equal("covenant-of-mayors-europe", cut.Find(".network-card").GetAttribute("data-slug")));
        Assert.True(cut.Find("#facet-region-europe").HasAttribute("checked"));
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

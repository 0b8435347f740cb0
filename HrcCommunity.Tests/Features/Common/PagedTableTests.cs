using Bunit;
using HrcCommunity.Domain.Common;
using HrcCommunity.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HrcCommunity.Tests.Features.Common;

/// <summary>The long lists' wrapper: what it sorts and pages is carried by links, so the URL holds the list's state.</summary>
public sealed class PagedTableTests
{
    private sealed record Row(string Name, string Email);

    private static readonly ListPage<Row> TwoOfSixty = new([new("Ada", "ada@example.org"), new("Bea", "bea@example.org")], 60, 3, 25);

    [Fact]
    public async Task TheSortedColumn_IsMarkedForScreenReaders_AndItsLinkSortsTheOtherWay_FromPageOne_KeepingTheFilters()
    {
        await using var ctx = Context("/admin/users?q=ada&page=3&sort=name");

        var cut = RenderTable(ctx, TwoOfSixty, new ListRequest(3, Sort: "name"));

        var name = cut.Find("th[aria-sort=ascending]");
        Assert.Contains("Name", name.TextContent);
        Assert.Equal("http://localhost/admin/users?q=ada&sort=name&desc=true", name.QuerySelector("a")!.GetAttribute("href"));
        var email = cut.FindAll("th").Single(th => th.TextContent.Contains("Email"));
        Assert.Equal("none", email.GetAttribute("aria-sort"));
        Assert.Equal("http://localhost/admin/users?q=ada&sort=email", email.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task WithNoSortInTheUrl_TheListsDefaultColumnIsMarked_InItsDefaultDirection()
    {
        await using var ctx = Context("/admin/users");

        var cut = RenderTable(ctx, TwoOfSixty, new ListRequest(), defaultDescending: true);

        Assert.Contains("Email", cut.Find("th[aria-sort=descending]").TextContent);
        Assert.Equal(["Ada", "Bea"], cut.FindAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        Assert.Contains("60", cut.Find(".paged-table-summary").TextContent);
    }

    [Fact]
    public async Task ThePager_LinksTheFirstAndLastPages_AndTheCurrentOnesNeighbours_AndMarksTheCurrentPage()
    {
        await using var ctx = Context("/experts/queue?state=new&page=6");

        var cut = ctx.Render<ListPager>(p => p.Add(x => x.PageNumber, 6).Add(x => x.PageCount, 12));

        var numbers = cut.FindAll("li a[aria-label]").Select(a => a.TextContent).ToList();
        Assert.Equal(["1", "4", "5", "6", "7", "8", "12"], numbers);
        Assert.Equal(2, cut.FindAll("li > span[aria-hidden=true]").Count);
        Assert.Equal("6", cut.Find("a[aria-current=page]").TextContent);
        Assert.Equal("http://localhost/experts/queue?state=new&page=5", cut.Find("a[rel=prev]").GetAttribute("href"));
        Assert.Equal("http://localhost/experts/queue?state=new&page=7", cut.Find("a[rel=next]").GetAttribute("href"));
        Assert.Equal("http://localhost/experts/queue?state=new", cut.FindAll("li a[aria-label]")[0].GetAttribute("href"));
    }

    [Fact]
    public async Task OnePageOfRows_HasNoPager_AndNoRows_ShowOnlyTheEmptyText()
    {
        await using var ctx = Context("/admin/users");

        var onePage = RenderTable(ctx, new ListPage<Row>([new("Ada", "ada@example.org")], 1, 1, 25), new ListRequest());
        var empty = RenderTable(ctx, new ListPage<Row>([], 0, 1, 25), new ListRequest());

        Assert.Empty(onePage.FindAll("nav"));
        Assert.Single(onePage.FindAll("tbody tr"));
        Assert.Empty(empty.FindAll("table"));
        Assert.Equal("Nobody yet.", empty.Find("p").TextContent);
    }

    private static BunitContext Context(string url)
    {
        var ctx = new BunitContext();
        ctx.Services.AddLocalization();
        ctx.Services.AddMudServices();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return ctx;
    }

    private static IRenderedComponent<PagedTable<Row>> RenderTable(BunitContext ctx, ListPage<Row> page, ListRequest request,
        bool defaultDescending = false) =>
        ctx.Render<PagedTable<Row>>(p => p
            .Add(x => x.Page, page)
            .Add(x => x.Request, request)
            .Add(x => x.DefaultSort, "email")
            .Add(x => x.DefaultDescending, defaultDescending)
            .Add(x => x.Empty, "Nobody yet.")
            .Add(x => x.HeaderContent, builder =>
            {
                builder.OpenComponent<SortHeader>(0);
                builder.AddComponentParameter(1, nameof(SortHeader.Key), "name");
                builder.AddComponentParameter(2, nameof(SortHeader.Label), "Name");
                builder.CloseComponent();
                builder.OpenComponent<SortHeader>(3);
                builder.AddComponentParameter(4, nameof(SortHeader.Key), "email");
                builder.AddComponentParameter(5, nameof(SortHeader.Label), "Email");
                builder.CloseComponent();
            })
            .Add(x => x.RowTemplate, row => builder =>
            {
                builder.OpenComponent<MudTd>(0);
                builder.AddComponentParameter(1, nameof(MudTd.ChildContent), (RenderFragment)(b => b.AddContent(0, row.Name)));
                builder.CloseComponent();
                builder.OpenComponent<MudTd>(2);
                builder.AddComponentParameter(3, nameof(MudTd.ChildContent), (RenderFragment)(b => b.AddContent(0, row.Email)));
                builder.CloseComponent();
            }));
}

using Bunit;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace HrcCommunity.Tests.Features.Common;

/// <summary>What the menus show each role, judged by the app's own policies.</summary>
public sealed class LayoutComponentTests
{
    public static TheoryData<bool, string[], string[]> CoordinationLinksByRole() => new()
    {
        { true, [Roles.Practitioner], [] },
        { true, [Roles.Expert], ["/experts/queue"] },
        { true, [Roles.Coordinator], ["/experts/queue", "/coordination/approvals"] },
        { true, [Roles.Admin], ["/experts/queue", "/coordination/approvals", "/admin/users"] },
        // A role alone is not enough: an account that is not (or no longer) approved sees no coordination links.
        { false, [Roles.Admin, Roles.Coordinator], [] },
    };

    [Theory]
    [MemberData(nameof(CoordinationLinksByRole))]
    public async Task NavMenu_ShowsEachRoleOnlyItsCoordinationLinks(bool approved, string[] roles, string[] expected)
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices().SignIn("Someone", approved, roles);

        var cut = ctx.Render<NavMenu>();

        var links = cut.FindAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(expected, links.Where(h => h is "/experts/queue" or "/coordination/approvals" or "/admin/users"));
        Assert.Equal(expected.Length > 0, cut.FindAll("h2.nav-heading").Count == 1);
        Assert.Contains("/account", links);
    }

    [Theory]
    [InlineData(true, new[] { Roles.Practitioner }, true)]
    [InlineData(true, new[] { Roles.Coordinator }, true)]
    [InlineData(false, new[] { Roles.Practitioner }, false)]
    public async Task NavMenu_LinksTheBoards_ForApprovedPractitionersOnly(bool approved, string[] roles, bool expected)
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices().SignIn("Someone", approved, roles);

        var cut = ctx.Render<NavMenu>();

        var boards = cut.FindAll("nav.site-nav a[href='/boards']");
        Assert.Equal(expected, boards.Count == 1);
        if (expected) Assert.Equal("Workshop boards", boards[0].TextContent);
    }

    [Fact]
    public async Task NavMenu_ForAVisitor_HasThePublicLinksOnly()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();

        var cut = ctx.Render<NavMenu>();

        var links = cut.FindAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/questions/ask", links);
        Assert.DoesNotContain("/account", links);
        Assert.DoesNotContain("/boards", links);
        Assert.Empty(cut.FindAll(".nav-account, h2.nav-heading"));
    }

    [Fact]
    public async Task AccountMenu_ForAVisitor_OffersSignInAndRegistration()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();

        var cut = ctx.Render<AccountMenu>();

        Assert.Equal(["/account/signin", "/account/register"], cut.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public async Task AccountMenu_ForAnAccountAwaitingApproval_ShowsTheNameThePendingBadgeAndSignOut()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices().SignIn("Vera Visitor", approved: false);

        var cut = ctx.Render<AccountMenu>();

        Assert.Equal("Vera Visitor", cut.Find("details[data-menu] summary").TextContent);
        Assert.Equal("Awaiting approval", cut.Find("a.badge-pending").TextContent);
        Assert.Equal(["/account", "/account/tokens"], cut.FindAll("details[data-menu] a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Sign out", cut.Find("form[action='/account/signout'] button").TextContent);
    }

    [Fact]
    public async Task AccountMenu_ForAnApprovedAccount_HasNoPendingBadge()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices().SignIn("Pat Practitioner", approved: true, Roles.Practitioner);

        var cut = ctx.Render<AccountMenu>();

        Assert.Equal("Pat Practitioner", cut.Find("details[data-menu] summary").TextContent);
        Assert.Empty(cut.FindAll(".badge-pending"));
    }

    [Theory]
    [InlineData(false, "dark", "false")]
    [InlineData(true, "light", "true")]
    public async Task ThemeSwitch_OffersTheOtherTheme_AndSendsThePersonBackToThisPage(bool dark, string offered, string pressed)
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("/directory?region=europe");

        var cut = ctx.Render<CascadingValue<bool>>(p => p.Add(c => c.Name, "DarkTheme").Add(c => c.Value, dark)
            .AddChildContent<ThemeSwitch>());

        var form = cut.Find("form.theme-switch");
        Assert.Equal("/preferences/theme", form.GetAttribute("action"));
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(offered, cut.Find("input[name=mode]").GetAttribute("value"));
        Assert.Equal("/directory?region=europe", cut.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Equal(pressed, cut.Find("button").GetAttribute("aria-pressed"));
        Assert.Equal("Dark theme", cut.Find("button .visually-hidden").TextContent);
    }

    [Fact]
    public async Task MainLayout_OnAStaticPage_HasTheAppBarAndDrawer_ButNoCircuitOnlyProviders()
    {
        await using var ctx = NewLayoutContext();
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "Page body"))));

        Assert.NotNull(cut.Find("header.mud-appbar form[role=search][action='/search']"));
        Assert.NotNull(cut.Find("header.mud-appbar form.theme-switch"));
        var drawer = cut.Find("details.site-drawer");
        Assert.True(drawer.HasAttribute("open"));
        Assert.NotNull(drawer.QuerySelector("summary"));
        Assert.NotNull(drawer.QuerySelector("nav.site-nav"));
        Assert.Equal("Page body", cut.Find("main#main").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-interactive], .mud-snackbar-location, .mud-popover-provider"));
    }

    [Fact]
    public async Task MainLayout_OnAnInteractivePage_AddsMudProvidersAndTheLiveMarker()
    {
        await using var ctx = NewLayoutContext();
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = ctx.Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "Page body"))));

        Assert.Single(cut.FindAll("[data-interactive]"));
        Assert.NotNull(cut.FindComponent<MudDialogProvider>());
        Assert.NotNull(cut.FindComponent<MudSnackbarProvider>());
        Assert.NotNull(cut.FindComponent<MudPopoverProvider>());
    }

    private static BunitContext NewLayoutContext()
    {
        var ctx = new BunitContext();
        ctx.AddHrcServices();
        ctx.Services.AddMudServices();
        return ctx;
    }
}

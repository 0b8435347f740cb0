using Bunit;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Components.Layout;

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

    [Fact]
    public async Task NavMenu_ForAVisitor_HasThePublicLinksOnly()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();

        var cut = ctx.Render<NavMenu>();

        var links = cut.FindAll("a[href]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/questions/ask", links);
        Assert.DoesNotContain("/account", links);
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

        Assert.Equal("Vera Visitor", cut.Find("a[href='/account']").TextContent);
        Assert.Equal("Awaiting approval", cut.Find("a.badge-pending").TextContent);
        Assert.Equal("Sign out", cut.Find("form[action='/account/signout'] button").TextContent);
    }

    [Fact]
    public async Task AccountMenu_ForAnApprovedAccount_HasNoPendingBadge()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices().SignIn("Pat Practitioner", approved: true, Roles.Practitioner);

        var cut = ctx.Render<AccountMenu>();

        Assert.Equal("Pat Practitioner", cut.Find("a[href='/account']").TextContent);
        Assert.Empty(cut.FindAll(".badge-pending"));
    }
}

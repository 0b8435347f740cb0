using Bunit;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>The accounts-and-roles page on its own, over a real database (moved here from the browser suite).</summary>
public sealed class AccountsComponentTests
{
    [Fact]
    public async Task UsersPage_GrantingARoleBeforeApproval_ExplainsTheRefusal_AndAfterApprovalGrantsIt()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        var name = $"Role Candidate {Guid.NewGuid():N}"[..26];
        var candidate = await database.CreateUserAsync(name, ApprovalStatus.Pending);
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(admin);
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo($"/admin/users?q={Uri.EscapeDataString(name)}");
        var cut = ctx.Render<UsersPage>();

        cut.Find($"input[aria-label='Expert role for {name}']").Change(true);
        // The page answers once the service has: wait for it rather than assume the database answered synchronously.
        cut.WaitForAssertion(() => Assert.Contains("approve it first", cut.Find("[role=alert]").TextContent));

        // Approved elsewhere (the approvals page has its own browser flow): this page follows live.
        await database.Get<AccountApprovalService>().ApproveAsync(admin, candidate.UserId!);
        cut.WaitForAssertion(() => Assert.True(cut.Find($"input[aria-label='Practitioner role for {name}']").HasAttribute("checked")));
        cut.Find($"input[aria-label='Expert role for {name}']").Change(true);

        cut.WaitForAssertion(() => Assert.Equal($"{name} now has the Expert role.", cut.Find("[role=status]").TextContent));
        Assert.Empty(cut.FindAll("[role=alert]"));
        var reloaded = ctx.Render<UsersPage>();
        Assert.True(reloaded.Find($"input[aria-label='Expert role for {name}']").HasAttribute("checked"));
        Assert.True(reloaded.Find($"input[aria-label='Practitioner role for {name}']").HasAttribute("checked"));
    }

    [Fact]
    public async Task UsersPage_BeforeTheCircuitIsInteractive_DisablesTheRoleCheckboxes()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await database.CreateUserAsync("Ada Admin", Roles.Admin);
        await using var ctx = new BunitContext();
        ctx.AddHrcServices(database).SignIn(admin);
        ctx.SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = ctx.Render<UsersPage>();

        var boxes = cut.FindAll($"input[aria-label$='role for Ada Admin']");
        Assert.Equal(Roles.All.Count, boxes.Count);
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
    }
}

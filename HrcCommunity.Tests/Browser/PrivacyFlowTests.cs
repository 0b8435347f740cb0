using System.IO.Compression;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

/// <summary>Issue 16 as a person lives it: their data from an emailed link, and leaving the network.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyFlowTests(BrowserHost host)
{
    private const string Password = "a-long-password-1";

    [Fact]
    public async Task Member_RequestsTheirData_DownloadsItFromTheEmailedLink_AndAnotherMemberGetsNotFound()
    {
        var email = await RegisterApprovedMemberAsync("Dana Download");
        var member = await SignedInAsync(email);

        await member.GotoAsync("/account/data");
        await member.GetByRole(AriaRole.Button, new() { Name = "Prepare my data" }).ClickAsync();
        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("We are preparing your archive");

        // A background job builds the archive, so the mail waits on the job server's polling as well as the outbox's.
        var mail = await OutboxFiles.WaitForAsync(host.App.OutboxFolder, email, "/account/data/", TimeSpan.FromSeconds(60));
        var link = OutboxFiles.LinkPath(mail, "/account/data/");
        var download = await member.RunAndWaitForDownloadAsync(() => member.EvaluateAsync(
            "href => { const a = document.createElement('a'); a.href = href; document.body.append(a); a.click(); }", link));

        Assert.Equal("hrc-personal-data.zip", download.SuggestedFilename);
        using (var archive = ZipFile.OpenRead(await download.PathAsync()))
        using (var json = new StreamReader(archive.GetEntry("personal-data.json")!.Open()))
        {
            var data = await json.ReadToEndAsync();
            Assert.Contains(email, data);
            Assert.Contains("Dana Download", data);
            Assert.DoesNotContain(PersonaAccounts.EmailOf(Persona.Practitioner), data);
        }

        // Someone else signed in, even with the link itself, learns nothing: not even that it exists.
        var other = await host.NewPageAsAsync(Persona.Practitioner);
        var theirs = await other.Context.APIRequest.GetAsync(link);
        Assert.Equal(404, theirs.Status);
        await member.Context.CloseAsync();
        await other.Context.CloseAsync();
    }

    [Theory]
    [InlineData("Keep them for the network", true)]
    [InlineData("Delete them with my account", false)]
    public async Task Member_DeletesTheirAccountWithTheirPassword_ChoosesWhatHappensToTheirComments_IsSignedOut_AndCannotSignInAgain(
        string choice, bool kept)
    {
        var name = $"Leo Leaving {Guid.NewGuid():N}"[..24];
        var email = await RegisterApprovedMemberAsync(name);
        var member = await SignedInAsync(email);
        var commentText = $"Comment {Guid.NewGuid():N}";
        var practice = await CommentOnAPublishedPracticeAsync(member, commentText);

        await member.GotoAsync("/account/delete");
        await member.GetByLabel(choice).CheckAsync();
        await member.GetByLabel("Your password").FillAsync("not-my-password");
        await member.GetByLabel("I understand that my account is deleted for good.").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();
        // A wrong password deletes nothing.
        await Expect(member.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Expect(member.GetByRole(AriaRole.Heading, new() { Name = "Delete my account" })).ToBeVisibleAsync();

        await member.GetByLabel(choice).CheckAsync();
        await member.GetByLabel("Your password").FillAsync(Password);
        await member.GetByLabel("I understand that my account is deleted for good.").CheckAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Delete my account" }).ClickAsync();

        await Expect(member.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account is deleted and you are signed out.");
        await member.GotoAsync("/account");
        await member.WaitForURLAsync(url => url.Contains("/account/signin"));

        var visitor = await host.NewPageAsAsync(Persona.Practitioner);
        await visitor.GotoAsync(practice);
        var comment = visitor.Locator(".comments li", new() { HasText = commentText });
        if (kept)
        {
            await Expect(comment).ToContainTextAsync("A former member");
            await Expect(comment).Not.ToContainTextAsync(name);
        }
        else
        {
            await Expect(comment).ToHaveCountAsync(0);
        }

        var again = await host.NewPageAsync();
        await again.GotoAsync("/account/signin");
        await again.GetByLabel("Email").FillAsync(email);
        await again.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await again.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(again.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);
        Assert.Contains("/account/signin", again.Url);

        await member.Context.CloseAsync();
        await visitor.Context.CloseAsync();
        await again.Context.CloseAsync();
    }

    /// <summary>Registers, confirms the address from the outbox and has a Coordinator approve: a member of their own.</summary>
    private async Task<string> RegisterApprovedMemberAsync(string name)
    {
        var email = $"member-{Guid.NewGuid():N}@example.org";
        var visitor = await host.NewPageAsync();
        await host.RegisterAndConfirmAsync(visitor, name, email, Password);
        await visitor.Context.CloseAsync();

        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/coordination/approvals?sort=registered&desc=true");
        await BrowserHost.WaitForInteractiveAsync(coordinator);
        await coordinator.Locator($"tr:has(td[data-account='{email}'])").GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await Expect(coordinator.GetByRole(AriaRole.Status)).ToContainTextAsync($"Approved {name}");
        await coordinator.Context.CloseAsync();
        return email;
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await host.NewPageAsync();
        await BrowserHost.SignInAsync(page, email, Password);
        return page;
    }

    /// <returns>The practice page's path.</returns>
    private static async Task<string> CommentOnAPublishedPracticeAsync(IPage member, string text)
    {
        await member.GotoAsync("/practices");
        await member.Locator(".card a[href^='/practices/']").First.ClickAsync();
        await member.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith("/practices/", StringComparison.Ordinal));
        await member.GetByLabel("Your comment").FillAsync(text);
        await member.GetByRole(AriaRole.Button, new() { Name = "Post comment" }).ClickAsync();
        await Expect(member.Locator(".comments li", new() { HasText = text })).ToBeVisibleAsync();
        return new Uri(member.Url).AbsolutePath;
    }
}

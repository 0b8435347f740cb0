using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class QuestionsFlowTests(BrowserHost host)
{
    [Fact]
    public async Task VisitorAsks_QueueAndAskersStatusPageFollowLive_ExpertAnswersAndPublishes_AnswerIsPublicWithoutTheAsker()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var title = $"How can our council involve residents in budgeting {unique}?";
        var askerName = $"Quirin Askwell {unique}";
        var askerEmail = $"quirin-{unique}@example.org";

        var expert = await host.NewPageAsAsync(Persona.Expert);
        // Newest first: the queue is paged, and other tests' questions fill its first pages oldest first.
        await expert.GotoAsync("/experts/queue?sort=asked&desc=true");
        await BrowserHost.WaitForInteractiveAsync(expert);
        await Expect(expert.Locator(".presence-names")).ToContainTextAsync("Emil Expert");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/questions/ask");
        await visitor.GetByLabel("Your question in one line").FillAsync(title);
        await visitor.GetByLabel("Your question in detail").FillAsync("We want residents to decide on part of the city budget in a way that respects the rights of everyone. Where do we start?");
        await visitor.GetByLabel("Topic", new() { Exact = true }).SelectOptionAsync("participation");
        await visitor.GetByLabel("Your name (optional)").FillAsync(askerName);
        await visitor.GetByLabel("City or organisation (optional)").FillAsync("Town of Examplehaven");
        await visitor.GetByLabel("Your email, to receive the answer").FillAsync(askerEmail);
        // Consent to publish is the asker's to give: the box starts unticked.
        await Expect(visitor.GetByLabel("The answer may be published on this site, without my name or contact details")).Not.ToBeCheckedAsync();
        await visitor.GetByLabel("The answer may be published on this site, without my name or contact details").CheckAsync();
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send my question" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you: your question has been sent" })).ToBeVisibleAsync();

        // The asker keeps the private status page open in a tab of its own: it follows the question live.
        var status = await visitor.Context.NewPageAsync();
        await status.GotoAsync((await visitor.Locator("a.status-link").GetAttributeAsync("href"))!);
        // Nothing about the question is emailed until the asker confirms the address from the first email.
        var confirmation = await OutboxFiles.WaitForAsync(host.App.OutboxFolder, askerEmail, "/questions/confirm/");
        Assert.DoesNotContain(title, confirmation);
        Assert.DoesNotContain(askerName, confirmation);
        var confirm = await visitor.Context.NewPageAsync();
        await confirm.GotoAsync(OutboxFiles.LinkPath(confirmation, "/questions/confirm/"));
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, this was me: confirm" }).ClickAsync();
        await Expect(confirm.GetByRole(AriaRole.Status)).ToContainTextAsync("your email address is confirmed");
        await confirm.CloseAsync();
        await BrowserHost.WaitForInteractiveAsync(status);
        var state = status.Locator(".question-state");
        await Expect(state).ToHaveTextAsync("New");

        // The expert's page was open before the question existed: it appears without a reload.
        var row = expert.Locator("tr", new() { HasText = title });
        await Expect(row).ToBeVisibleAsync();
        await row.GetByRole(AriaRole.Button, new() { Name = $"Claim {title}" }).ClickAsync();
        await Expect(expert.GetByRole(AriaRole.Status)).ToContainTextAsync("You claimed");
        await Expect(row.Locator(".holder")).ToHaveTextAsync("Emil Expert");
        await Expect(state).ToHaveTextAsync("Being answered");

        await row.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(expert.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await BrowserHost.WaitForInteractiveAsync(expert);
        await Expect(expert.Locator(".asker")).ToContainTextAsync(askerName);
        await expert.GetByLabel("Answer (Markdown)").FillAsync("Start with a **small share** of the budget, invite everyone, and report back on what was decided.");
        await expert.GetByLabel("Short summary").FillAsync("Begin small, open the process to all, and report back.");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Send the answer to the asker" }).ClickAsync();
        await Expect(expert.GetByRole(AriaRole.Status)).ToContainTextAsync("The answer was sent to the asker.");
        await Expect(state).ToHaveTextAsync("Answered");
        await Expect(status.Locator("main")).ToContainTextAsync("small share");

        var email = await OutboxFiles.WaitForAsync(host.App.OutboxFolder, askerEmail, "answered your question");
        Assert.Contains("small share", email);
        Assert.Contains("/questions/status/", email);

        await expert.GetByRole(AriaRole.Button, new() { Name = "Publish to /answers" }).ClickAsync();
        await Expect(expert.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "Published");

        await visitor.GotoAsync("/answers");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/answers/[a-z0-9-]+$"));
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 })).ToBeVisibleAsync();
        await Expect(visitor.Locator("main")).ToContainTextAsync("small share");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(askerName);
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync(askerEmail);
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync("Examplehaven");

        await visitor.Context.CloseAsync();
        await expert.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoExpertsClaimAtOnce_OneSucceeds_TheOtherIsToldWhoHasIt()
    {
        var title = $"Which indicators show progress on the right to housing {Guid.NewGuid().ToString("N")[..8]}?";
        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/questions/ask");
        await visitor.GetByLabel("Your question in one line").FillAsync(title);
        await visitor.GetByLabel("Your question in detail").FillAsync("We are drafting our first yearly report and want to include the right to adequate housing.");
        await visitor.GetByLabel("Topic", new() { Exact = true }).SelectOptionAsync("monitoring");
        await visitor.GetByLabel("Your email, to receive the answer").FillAsync($"housing-{Guid.NewGuid():N}@example.org");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Send my question" }).ClickAsync();
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Thank you: your question has been sent" })).ToBeVisibleAsync();

        var expert = await host.NewPageAsAsync(Persona.Expert);
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        foreach (var page in new[] { expert, coordinator })
        {
            await page.GotoAsync("/experts/queue?state=new&sort=asked&desc=true");
            await BrowserHost.WaitForInteractiveAsync(page);
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Claim {title}" })).ToBeVisibleAsync();
        }

        // Both clicks are dispatched inside the pages at the same moment: Playwright's own click waits for the
        // element to be stable, and the winner's live update would remove the loser's button during that wait.
        const string clickClaim = "label => { const b = document.querySelector(`button[aria-label=\"${label}\"]`); if (!b) return false; b.click(); return true; }";
        var clicked = await Task.WhenAll(expert.EvaluateAsync<bool>(clickClaim, $"Claim {title}"), coordinator.EvaluateAsync<bool>(clickClaim, $"Claim {title}"));
        Assert.Contains(true, clicked);

        // The database lets exactly one claim through. The other expert is told who has it; or, when the winner's live
        // update removed the row on a busy machine before the other click reached the server (a click on a button
        // that is gone does nothing), they simply have no Claim button for it any more.
        var expertWon = await FirstShowsSuccessAsync(expert, coordinator);
        var (winner, loser, winnerName) = expertWon ? (expert, coordinator, "Emil Expert") : (coordinator, expert, "Carla Coordinator");
        await Expect(winner.GetByRole(AriaRole.Status)).ToContainTextAsync("You claimed");
        await Expect(loser.GetByRole(AriaRole.Button, new() { Name = $"Claim {title}" })).ToHaveCountAsync(0);
        await Expect(loser.Locator(".alert-success")).ToHaveCountAsync(0);
        if (await loser.Locator(".alert-error").CountAsync() > 0)
            await Expect(loser.GetByRole(AriaRole.Alert)).ToContainTextAsync($"{winnerName} has already claimed this question.");

        await visitor.Context.CloseAsync();
        await expert.Context.CloseAsync();
        await coordinator.Context.CloseAsync();
    }

    [Fact]
    public async Task QueueFilters_AreKeptInTheUrl_AndSurviveAReload()
    {
        var coordinator = await host.NewPageAsAsync(Persona.Coordinator);
        await coordinator.GotoAsync("/experts/queue");
        await BrowserHost.WaitForInteractiveAsync(coordinator);

        await coordinator.GetByLabel("State").SelectOptionAsync("rejectedasspam");
        await coordinator.WaitForURLAsync(url => url.Contains("state=rejectedasspam"));
        await Expect(coordinator.Locator(".queue-table tbody tr")).Not.ToHaveCountAsync(0);
        await Expect(coordinator.Locator(".queue-table .question-state").Filter(new() { HasNotText = "Rejected as spam" })).ToHaveCountAsync(0);

        await coordinator.ReloadAsync();
        await Expect(coordinator.GetByLabel("State")).ToHaveValueAsync("rejectedasspam");
        await Expect(coordinator.Locator(".queue-table tbody tr", new() { HasText = "Cheap offers for city officials" })).ToBeVisibleAsync();

        await coordinator.Context.CloseAsync();
    }

    private static async Task<bool> FirstShowsSuccessAsync(IPage first, IPage second)
    {
        var firstWon = Expect(first.Locator(".alert-success")).ToBeVisibleAsync();
        var secondWon = Expect(second.Locator(".alert-success")).ToBeVisibleAsync();
        var done = await Task.WhenAny(firstWon, secondWon);
        await done;
        return done == firstWon;
    }
}

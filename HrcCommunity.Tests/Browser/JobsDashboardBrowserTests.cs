using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HrcCommunity.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class JobsDashboardBrowserTests(BrowserHost host)
{
    [Fact]
    public async Task Dashboard_RunsItsScriptsUnderOurContentSecurityPolicy()
    {
        var page = await host.NewPageAsAsync(Persona.Admin);
        var problems = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") problems.Add(message.Text); };
        page.PageError += (_, error) => problems.Add(error);

        var response = await page.GotoAsync("/admin/jobs", new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(200, response!.Status);
        // hangfire.js starts the page and polls the counters: a refused script would do neither.
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Hangfire?.page === 'object'"));
        await page.WaitForResponseAsync(r => r.Url.Contains("/admin/jobs/stats") && r.Status == 200);
        Assert.Empty(problems);
        await page.Context.CloseAsync();
    }
}

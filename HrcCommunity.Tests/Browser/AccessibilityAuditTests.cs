using System.Text.Json;
using HrcCommunity.Tests.Features;
using HrcCommunity.Tests.Features.Events;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Browser;

/// <summary>axe-core, injected into every public page in Chromium, finds no serious or critical WCAG 2.1 AA problem.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityAuditTests(BrowserHost host)
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(RepoPaths.NodeModules, "axe-core", "axe.min.js")));

    public static TheoryData<string> PublicPages() => new(RouteCatalog.PublicPages.Distinct());

    /// <summary>Signed-in pages, audited as a Coordinator, who sees every part of them.</summary>
    public static TheoryData<string> CoordinatorPages() => new(EventsRoutes.CoordinatorPages.Concat(Features.Notifications.NotificationsRoutes.SignedInPages));

    [Theory]
    [MemberData(nameof(PublicPages))]
    public Task PublicPage_HasNoSeriousOrCriticalAccessibilityViolations(string path) => AuditAsync(path, signInAs: null, dark: false);

    [Theory]
    [MemberData(nameof(CoordinatorPages))]
    public Task CoordinatorPage_HasNoSeriousOrCriticalAccessibilityViolations(string path) => AuditAsync(path, Persona.Coordinator, dark: false);

    /// <summary>The dark theme on pages that show every kind of element the layout and the reading pages use.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/directory")]
    [InlineData("/practices/" + Features.Knowledge.KnowledgeRoutes.PublishedPractice)]
    [InlineData("/search?q=city")]
    [InlineData("/account/signin")]
    public Task PublicPage_InTheDarkTheme_HasNoSeriousOrCriticalAccessibilityViolations(string path) => AuditAsync(path, signInAs: null, dark: true);

    private async Task AuditAsync(string path, Persona? signInAs, bool dark)
    {
        // Injected scripts are inline; our CSP rightly forbids those, so only this audit context bypasses it.
        var page = await host.NewPageAsync(bypassCsp: true);
        if (dark)
        {
            await page.Context.AddCookiesAsync([new() { Name = "hrc.theme", Value = "dark", Url = host.BaseUrl }]);
        }
        if (signInAs is { } persona) await BrowserHost.SignInAsync(page, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await page.EvaluateAsync(AxeSource.Value);

        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))" +
            ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))");

        var violations = result.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(violations.Count == 0, $"{path}:\n{string.Join("\n", violations)}");
        await page.Context.CloseAsync();
    }
}

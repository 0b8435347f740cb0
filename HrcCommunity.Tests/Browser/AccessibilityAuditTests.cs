using System.Text.Json;
using HrcCommunity.Tests.Features;
using HrcCommunity.Tests.Features.Boards;
using HrcCommunity.Tests.Features.Dialogues;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HrcCommunity.Tests.Browser;

/// <summary>axe-core, injected into every public page in Chromium, finds no serious or critical WCAG 2.1 AA problem.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityAuditTests(BrowserHost host)
{
    private static readonly Lazy<string> AxeSource = new(() =>
        File.ReadAllText(Path.Combine(RepoPaths.NodeModules, "axe-core", "axe.min.js")));

    public static TheoryData<string> PublicPages() => new(RouteCatalog.PublicPages.Distinct());

    public static TheoryData<Persona> SignedInPersonas() => new(Persona.Practitioner, Persona.Expert, Persona.Coordinator, Persona.Admin);

    /// <summary>Public pages whose signed-in view differs: the account menu, and the practitioners' layer of content.</summary>
    private static readonly string[] PublicPagesSignedIn =
        ["/", $"/knowledge/{Features.Knowledge.KnowledgeRoutes.LayeredItem}", $"/practices/{Features.Knowledge.KnowledgeRoutes.PublishedPractice}", "/events"];

    /// <summary>Pages worth a second look with content in them, beyond the catalogue's (often empty) examples.</summary>
    private static string[] FilledPagesFor(Persona persona) => persona switch
    {
        Persona.Practitioner => PublicPagesSignedIn,
        Persona.Coordinator => [.. DialoguesRoutes.CoordinatorPages, .. BoardsRoutes.CoordinatorPages],
        _ => [],
    };

    [Theory]
    [MemberData(nameof(PublicPages))]
    public Task PublicPage_HasNoSeriousOrCriticalAccessibilityViolations(string path) => AuditAsync(path, signInAs: null, dark: false);

    /// <summary>
    /// Every signed-in page of the route catalogue, for each role, in one signed-in browser per role; all pages are
    /// audited before the verdict, so one run names every page that fails.
    /// </summary>
    [Theory]
    [MemberData(nameof(SignedInPersonas))]
    public async Task SignedInPages_HaveNoSeriousOrCriticalAccessibilityViolations_ForEachRole(Persona persona)
    {
        var paths = RouteCatalog.SignedInPagesToAuditAs(persona).ToList();
        paths.AddRange(FilledPagesFor(persona));
        Assert.NotEmpty(paths);
        var page = await host.NewPageAsync(bypassCsp: true);
        await BrowserHost.SignInAsync(page, PersonaAccounts.EmailOf(persona), PersonaAccounts.Password);

        var violations = new List<string>();
        foreach (var path in paths) violations.AddRange(await ViolationsAsync(page, path));

        Assert.True(violations.Count == 0, $"{persona}:\n{string.Join("\n", violations)}");
        await page.Context.CloseAsync();
    }

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
        var violations = await ViolationsAsync(page, path);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
        await page.Context.CloseAsync();
    }

    private static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Interactive pages finish their first render over the circuit; audit what the person then sees.
        if (await page.EvaluateAsync<bool>("() => document.body.innerHTML.includes('<!--Blazor:')")) await BrowserHost.WaitForInteractiveAsync(page);
        // An interactive page's head is rendered again once its circuit is up; its title comes back a moment later.
        await page.WaitForFunctionAsync("() => document.title.length > 0");
        await page.EvaluateAsync(AxeSource.Value);

        var result = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))" +
            ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        return result.EnumerateArray().Select(v => $"{path}: {v.GetString()}").ToList();
    }
}

// Circuits and WebSockets, measured in Debian's Chromium against a running app:
//  1. a visitor reads every public page (typed addresses and clicked links): how many WebSockets open;
//  2. N tabs of one signed-in person idle on an interactive page: the app's managed heap after a forced
//     collection (dotnet-gcdump) before and after, divided by N.
// Usage: CircuitBench <base-url> <app-pid> <gcdump-path> [circuits=100] [interactive-path=/account/tokens]
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

var baseUrl = args[0].TrimEnd('/');
var appPid = int.Parse(args[1]);
var gcdump = args[2];
var circuits = args.Length > 3 ? int.Parse(args[3]) : 100;
var interactivePath = args.Length > 4 ? args[4] : "/account/tokens";
string[] publicPages =
[
    "/", "/about", "/how-we-work", "/human-rights-cities", "/members", "/directory", "/directory/leading-cities",
    "/knowledge", "/practices", "/links", "/news", "/answers", "/search?q=city", "/privacy",
];

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = "/usr/bin/chromium", Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
});

var reader = await browser.NewContextAsync(new() { BaseURL = baseUrl });
var readerPage = await reader.NewPageAsync();
var sockets = 0;
readerPage.WebSocket += (_, _) => sockets++;
foreach (var path in publicPages)
{
    await readerPage.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle, Timeout = 120_000 });
}
Console.WriteLine($"public pages read: {publicPages.Length}, WebSockets opened: {sockets}");
await reader.CloseAsync();

var person = await browser.NewContextAsync(new() { BaseURL = baseUrl });
person.SetDefaultTimeout(180_000);
var signIn = await person.NewPageAsync();
await signIn.GotoAsync("/account/signin");
await signIn.GetByLabel("Email").FillAsync("practitioner@demo.hrc.local");
await signIn.GetByLabel("Password", new() { Exact = true }).FillAsync("Demo-Password-2026");
await signIn.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
await signIn.WaitForURLAsync(url => !url.Contains("/account/signin"));
await signIn.CloseAsync();

var before = ManagedHeapBytes();
var pages = new List<IPage>();
var stopwatch = Stopwatch.StartNew();
for (var i = 0; i < circuits; i++)
{
    var page = await person.NewPageAsync();
    await page.GotoAsync(interactivePath);
    await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    pages.Add(page);
}
Console.WriteLine($"{circuits} circuits on {interactivePath} open after {stopwatch.Elapsed.TotalSeconds:0} s");
await Task.Delay(TimeSpan.FromSeconds(5));
var after = ManagedHeapBytes();
Console.WriteLine($"managed heap: {before / 1024.0:N0} KB before, {after / 1024.0:N0} KB with {circuits} circuits; " +
                  $"{(after - before) / 1024.0 / circuits:N1} KB per idle circuit");

long ManagedHeapBytes()
{
    var file = Path.Combine(Path.GetTempPath(), $"circuitbench-{Guid.NewGuid():N}.gcdump");
    Run(gcdump, $"collect -p {appPid} -o {file}");
    var report = Run(gcdump, $"report {file}");
    File.Delete(file);
    // The report ends with a total line: "<bytes> GC Heap bytes" (the live objects after the forced collection).
    var match = Regex.Match(report, @"([\d,]+)\s+GC Heap bytes");
    if (!match.Success) throw new InvalidOperationException("No total in the gcdump report:\n" + report);
    return long.Parse(match.Groups[1].Value.Replace(",", ""));
}

static string Run(string file, string arguments)
{
    var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed:\n{output}");
    return output;
}

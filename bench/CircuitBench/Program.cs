// Circuits and WebSockets, measured in Debian's Chromium against a running app:
//  1. a visitor reads every public page (typed addresses and clicked links): how many WebSockets open;
//  2. N tabs of one signed-in person idle on an interactive page: the app's managed heap after a forced
//     collection (dotnet-gcdump) before and after, divided by N, and the types that grew most. One tab is opened
//     first and kept, so what the first visit builds once (compiled queries, serializer metadata) is not counted.
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

var warmUp = await person.NewPageAsync();
await OpenAsync(warmUp);
var (before, typesBefore) = ManagedHeap();
var pages = new List<IPage>();
var stopwatch = Stopwatch.StartNew();
for (var i = 0; i < circuits; i++)
{
    var page = await person.NewPageAsync();
    await OpenAsync(page);
    pages.Add(page);
}
Console.WriteLine($"{circuits} circuits on {interactivePath} open after {stopwatch.Elapsed.TotalSeconds:0} s");
await Task.Delay(TimeSpan.FromSeconds(5));
var (after, typesAfter) = ManagedHeap();
Console.WriteLine($"managed heap: {before / 1024.0:N0} KB before, {after / 1024.0:N0} KB with {circuits} circuits; " +
                  $"{(after - before) / 1024.0 / circuits:N1} KB per idle circuit");
Console.WriteLine("grew most, per circuit (bytes, objects, type):");
foreach (var (type, grown) in typesAfter.Select(t => (t.Key, Grown: (Bytes: t.Value.Bytes - typesBefore.GetValueOrDefault(t.Key).Bytes,
             Count: t.Value.Count - typesBefore.GetValueOrDefault(t.Key).Count))).OrderByDescending(t => t.Grown.Bytes).Take(int.TryParse(Environment.GetEnvironmentVariable("CIRCUITBENCH_TYPES"), out var shown) ? shown : 15))
    Console.WriteLine($"{grown.Bytes / circuits,10:N0} {grown.Count / (double)circuits,8:N1}  {type}");

async Task OpenAsync(IPage page)
{
    await page.GotoAsync(interactivePath);
    await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}

(long Bytes, Dictionary<string, (long Bytes, long Count)> Types) ManagedHeap()
{
    var file = Path.Combine(Path.GetTempPath(), $"circuitbench-{Guid.NewGuid():N}.gcdump");
    Run(gcdump, $"collect -p {appPid} -o {file}");
    var report = Run(gcdump, $"report {file}");
    File.Delete(file);
    // The report ends with a total line: "<bytes> GC Heap bytes" (the live objects after the forced collection).
    var match = Regex.Match(report, @"([\d,]+)\s+GC Heap bytes");
    if (!match.Success) throw new InvalidOperationException("No total in the gcdump report:\n" + report);
    // Then one line per type and size band: "<bytes of one object> <count> <type> [(Bytes > 1K)] [<assembly>]".
    var types = new Dictionary<string, (long Bytes, long Count)>();
    foreach (Match line in Regex.Matches(report, @"^\s*([\d,]+)\s+([\d,]+)\s+(.+?)(?:\s+\(Bytes > [^)]*\))?\s+\[[^\]]*\]\s*$", RegexOptions.Multiline))
    {
        var (size, count) = (long.Parse(line.Groups[1].Value.Replace(",", "")), long.Parse(line.Groups[2].Value.Replace(",", "")));
        var known = types.GetValueOrDefault(line.Groups[3].Value);
        types[line.Groups[3].Value] = (known.Bytes + size * count, known.Count + count);
    }
    return (long.Parse(match.Groups[1].Value.Replace(",", "")), types);
}

static string Run(string file, string arguments)
{
    var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
    var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {arguments} failed:\n{output}");
    return output;
}

using System.Diagnostics;
using HrcCommunity.Bench;
using HrcCommunity.Domain;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// Search latency at scale, through the real SearchService over a database built by the real migrations.
// Usage: dotnet run -c Release --project bench/SearchBench [entries] [runs-per-query] [keep-folder]
var entries = args.Length > 0 ? int.Parse(args[0]) : 100_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 30;
var folder = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"hrc-search-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);

var services = new ServiceCollection();
services.AddLogging();
services.AddHrcDomain(new ConfigurationBuilder().Build(), new DataFolder(folder));
await using var provider = services.BuildServiceProvider();
var dataFolder = provider.GetRequiredService<DataFolder>();
await provider.GetRequiredService<DatabaseInitializer>().InitializeAsync(false);

var seeding = Stopwatch.StartNew();
CorpusGenerator.Seed(dataFolder.DatabasePath, entries);
Console.WriteLine($"Seeded {entries:N0} search entries in {seeding.Elapsed.TotalSeconds:F1} s into {dataFolder.DatabasePath}");

var search = provider.GetRequiredService<SearchService>();
var practitioner = new Actor("bench", "Bench", new HashSet<string> { "Practitioner" }, true);
string[] queries =
[
    "rights", "human rights city", "housing", "participatory budget", "refugees reception", "child", "climate adaptation heat",
    "discrimination roma", "ombudsperson complaints", "Graz", "Gwangju monitoring", "digital surveillance algorithms",
    "sanctuary", "tenants eviction", "indicators report", "accessibility disability", "lgbti", "food security", "gentrification", "festival heritage",
];
(string Name, Func<string, SearchRequest> Make)[] shapes =
[
    ("no filter", q => new SearchRequest(q)),
    ("kind filter", q => new SearchRequest(q, Kind: "practice")),
    ("theme filter", q => new SearchRequest(q, Theme: "sdg-11")),
    ("kind + theme", q => new SearchRequest(q, Kind: "knowledge", Theme: "sdg-16")),
    ("page 3", q => new SearchRequest(q, Page: 3)),
];

// Warm up: JIT, page cache, prepared statements.
foreach (var q in queries) await search.SearchAsync(Actor.Anonymous, new SearchRequest(q));

Console.WriteLine();
Console.WriteLine($"{"search (top 20 + facets)",-34} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8} {"alloc KB",9}");
foreach (var (actorName, actor) in new[] { ("anonymous", Actor.Anonymous), ("practitioner", practitioner) })
    foreach (var (name, make) in shapes)
    {
        var timings = new List<double>();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        for (var run = 0; run < runs; run++)
            foreach (var q in queries)
            {
                var watch = Stopwatch.StartNew();
                await search.SearchAsync(actor, make(q));
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }
        Report($"{actorName}, {name}", timings, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore);
    }

var suggestTimings = new List<double>();
var suggestAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
string[] prefixes = ["gr", "hum", "hous", "refu", "chil", "clim", "disc", "gwa", "sanc", "part"];
for (var run = 0; run < runs * 2; run++)
    foreach (var prefix in prefixes)
    {
        var watch = Stopwatch.StartNew();
        await search.SuggestAsync(Actor.Anonymous, prefix);
        suggestTimings.Add(watch.Elapsed.TotalMilliseconds);
    }
Report("suggestions (anonymous)", suggestTimings, GC.GetTotalAllocatedBytes(precise: true) - suggestAllocatedBefore);

// Memory: the process's peak resident set (SQLite's page caches included) and what the managed heap holds now.
using (var self = Process.GetCurrentProcess())
    Console.WriteLine($"\nmemory: peak working set {self.PeakWorkingSet64 / 1048576.0:F0} MB, managed heap {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:F1} MB");

if (args.Length <= 2) Directory.Delete(folder, recursive: true);

// Allocated bytes are shown per call, averaged over every call of the row.
static void Report(string name, List<double> timings, long allocated)
{
    var perCallKb = allocated / 1024.0 / timings.Count;
    timings.Sort();
    double P(double p) => timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(p * timings.Count) - 1)];
    Console.WriteLine($"{name,-34} {P(0.50),8:F2} {P(0.95),8:F2} {P(0.99),8:F2} {timings[^1],8:F2} {perCallKb,9:F0}");
}

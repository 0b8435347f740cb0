using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HrcCommunity.Bench;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

// One board, N participants, through /hubs/live. The real app (its pipeline, hub and stream rules, BoardService on
// SQLite) runs on a loopback port; every participant is an approved practitioner with an access token and one hub
// connection, all in one Node process (board-clients.js). Changes are made here through BoardService, the very call a
// participant's board page makes, so each change is saved, numbered and published exactly as in the app.
//   1. Changes: each participant adds, edits or moves one of their notes every `period` seconds (starts spread evenly).
//   2. Voting burst: the facilitator opens the vote; each participant spends their whole budget at random moments within
//      `period` seconds, then asks for one dot more (half of them at the same moment as their last dot, as a second tab).
// Measured per change: from the call's start until the last OTHER participant received it, and per delivery: from the
// event's `at` (stamped when numbered, after the save) to its arrival. Afterwards the database is asked whether anyone
// holds more dots than the budget.
var participants = args.Length > 0 ? int.Parse(args[0]) : 300;
var changeSeconds = args.Length > 1 ? int.Parse(args[1]) : 30;
var budget = args.Length > 2 ? int.Parse(args[2]) : 3;
var period = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3]) : 10);

var (builder, dataFolder) = BenchApp.CreateBuilder("boardbench");
await using var app = await BenchApp.StartAsync(builder);

var boards = app.Services.GetRequiredService<BoardService>();
var facilitator = await CreateMemberAsync("Bench Facilitator", Roles.Coordinator);
var people = new List<(Actor Actor, string Token)>();
var tokens = app.Services.GetRequiredService<PersonalAccessTokenService>();
for (var i = 0; i < participants; i++)
{
    var actor = await CreateMemberAsync($"Participant {i:000}", Roles.Practitioner);
    people.Add((actor, (await tokens.CreateAsync(actor, "board bench", TokenScope.Read, 30)).Secret));
}
var boardId = await boards.CreateAsync(facilitator, new BoardCreate("Bench board", "challenges-ideas-actions", null, false, budget, false));
var columns = (await boards.GetAsync(facilitator, boardId))!.Columns.Select(c => c.Id).ToArray();
var participantsFile = Path.Combine(dataFolder, "participants.json");
await File.WriteAllTextAsync(participantsFile, JsonSerializer.Serialize(people.Select(p => new { userId = p.Actor.UserId, token = p.Token })));
var node = NodeClients.Start(app.Urls.First() + "/hubs/live", Board.TopicOf(boardId), participantsFile);
await node.WaitForLineAsync("READY", TimeSpan.FromMinutes(3));
Console.WriteLine($"{participants} participants on one board through /hubs/live; a change each every {period.TotalSeconds:0} s for {changeSeconds} s; "
    + $"then all spend {budget} dots within {period.TotalSeconds:0} s. Load average before: {LoadAverage()}");

// Each successful call's start, per participant, in the order they were made: a participant's k-th event on the topic
// is their k-th successful call (their calls run one after another, and of the two sent at once only one succeeds).
var starts = new ConcurrentDictionary<string, ConcurrentQueue<double>>();
var refused = 0;
var overBudgetAsked = 0;
var overBudgetRefused = 0;
var clock = Stopwatch.StartNew();

// Dots are announced together, one Voted per board every BoardService.VoteWindow, with no actor: a dot's announcement is
// the first Voted numbered after its call returned. (It may have gone out in the one before, if that one closed between
// the dot's save and the call's return: then this counts one window too many, never too few.)
var votes = new ConcurrentBag<(double Start, double End)>();

async Task<bool> TimedAsync(Actor actor, Func<Task> call, bool vote = false)
{
    var start = NowMs();
    try
    {
        await call();
        if (vote) votes.Add((start, NowMs()));
        else starts.GetOrAdd(actor.UserId!, _ => new()).Enqueue(start);
        return true;
    }
    catch (DomainException)
    {
        Interlocked.Increment(ref refused);
        return false;
    }
}

async Task WaitUntilAsync(TimeSpan due)
{
    if (clock.Elapsed < due) await Task.Delay(due - clock.Elapsed);
}

// 1. Changes.
var rounds = (int)(changeSeconds / period.TotalSeconds);
await Task.WhenAll(people.Select((p, i) => Task.Run(async () =>
{
    var random = new Random(i);
    BoardNoteView? mine = null;
    for (var round = 0; round < rounds; round++)
    {
        await WaitUntilAsync(period * round + period * i / participants);
        var pick = mine is null ? 0 : random.Next(3);
        await TimedAsync(p.Actor, async () =>
        {
            mine = pick switch
            {
                0 => await boards.AddNoteAsync(p.Actor, boardId, columns[random.Next(columns.Length)], $"Idea {i}.{round}", NoteColour.Yellow),
                1 => await boards.EditNoteAsync(p.Actor, mine!.Id, $"Idea {i}.{round}, reworded", NoteColour.Green, mine.Version),
                _ => await boards.MoveNoteAsync(p.Actor, mine!.Id, columns[(Array.IndexOf(columns, mine.ColumnId) + 1) % columns.Length], 0),
            };
        });
    }
})));
var changesEnd = clock.Elapsed;

// 2. The voting burst.
await boards.SetPhaseAsync(facilitator, boardId, BoardPhase.Vote);
var noteIds = (await boards.GetAsync(facilitator, boardId))!.Notes.Select(n => n.Id).ToArray();
await Task.Delay(TimeSpan.FromSeconds(2));
var burstStart = clock.Elapsed;
await Task.WhenAll(people.Select((p, i) => Task.Run(async () =>
{
    var random = new Random(1_000 + i);
    var moments = Enumerable.Range(0, budget).Select(_ => random.NextDouble()).Order().ToArray();
    for (var dot = 0; dot < budget; dot++)
    {
        await WaitUntilAsync(burstStart + period * moments[dot]);
        var note = noteIds[random.Next(noteIds.Length)];
        var last = dot == budget - 1;
        if (last && i % 2 == 0)
        {
            // The last dot and one more from a second tab at the same moment: the database lets exactly one through.
            Interlocked.Increment(ref overBudgetAsked);
            var both = await Task.WhenAll(TimedAsync(p.Actor, () => boards.VoteAsync(p.Actor, note), vote: true),
                TimedAsync(p.Actor, () => boards.VoteAsync(p.Actor, noteIds[random.Next(noteIds.Length)]), vote: true));
            if (both.Count(ok => ok) == 1) Interlocked.Increment(ref overBudgetRefused);
        }
        else
            await TimedAsync(p.Actor, () => boards.VoteAsync(p.Actor, note), vote: true);
    }
    if (i % 2 == 1)
    {
        Interlocked.Increment(ref overBudgetAsked);
        if (!await TimedAsync(p.Actor, () => boards.VoteAsync(p.Actor, noteIds[random.Next(noteIds.Length)]), vote: true)) Interlocked.Increment(ref overBudgetRefused);
    }
})));
var burstEnd = clock.Elapsed;
var loadAfter = LoadAverage();

node.Send("END");
var lines = await node.WaitForLinesUntilAsync("DONE", TimeSpan.FromMinutes(5));

// Change → every other participant: the last arrival among the others, from the start of the call that made it.
var byActor = starts.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
var taken = new Dictionary<string, int>();
var changeLatency = new List<double>();
var voteLatency = new List<double>();
// The part of it before publishing: the call's checks and its save, until the notifier numbered the change.
var changeSave = new List<double>();
var voteSave = new List<double>();
int changes = 0, incomplete = 0;
var announced = new List<(double At, double Last)>();
foreach (var line in lines.Where(l => l.StartsWith("SEQ ", StringComparison.Ordinal)))
{
    var f = line.Split(' ');
    var (actor, kind, at, last, count) = (f[2], f[3], double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture),
        int.Parse(f[6], CultureInfo.InvariantCulture));
    if (kind == "Voted")
    {
        // No actor, so everyone receives it, the voters too.
        if (count < participants) incomplete++;
        announced.Add((at, last));
        continue;
    }
    if (!byActor.TryGetValue(actor, out var mine)) continue; // the facilitator's phase change
    var k = taken.GetValueOrDefault(actor);
    taken[actor] = k + 1;
    if (k >= mine.Length) continue;
    if (count < participants - 1) incomplete++;
    changes++;
    changeLatency.Add(last - mine[k]);
    changeSave.Add(at - mine[k]);
}
announced.Sort();
var voteCount = 0;
foreach (var (start, end) in votes)
{
    var i = announced.FindIndex(a => a.At >= end);
    if (i < 0) continue;
    voteCount++;
    voteLatency.Add(announced[i].Last - start);
    voteSave.Add(announced[i].At - start);
}

await using var db = await app.Services.GetRequiredService<IDbContextFactory<HrcDbContext>>().CreateDbContextAsync();
var dotsPerPerson = await db.BoardVotes.Where(v => v.BoardId == boardId).GroupBy(v => v.UserId).Select(g => g.Count()).ToListAsync();

Console.WriteLine($"changes phase {changesEnd.TotalSeconds:0.0} s, voting burst {(burstEnd - burstStart).TotalSeconds:0.0} s; load average after: {loadAfter}");
Console.WriteLine($"{"change → all others",-28} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
Console.WriteLine($"{"note added/edited/moved",-28} {Stats(changeLatency, changes)}");
Console.WriteLine($"{"dot placed",-28} {Stats(voteLatency, voteCount)}");
Console.WriteLine($"{"call start → published",-28} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
Console.WriteLine($"{"note added/edited/moved",-28} {Stats(changeSave, changes)}");
Console.WriteLine($"{"dot placed",-28} {Stats(voteSave, voteCount)}");
Console.WriteLine($"{"delivery (at → arrival)",-28} {"count",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
foreach (var line in lines.Where(l => l.StartsWith("DELIVERY ", StringComparison.Ordinal)))
{
    var f = line.Split(' ');
    Console.WriteLine($"{(f[1] == "vote" ? "dot placed" : "note added/edited/moved"),-28} {f[6],7} {f[2],8} {f[3],8} {f[4],8} {f[5],8}");
}
Console.WriteLine($"changes missing at one or more participants: {incomplete}; refused calls: {refused}; dots announced in {announced.Count} Voted changes");
Console.WriteLine($"budget: {dotsPerPerson.Sum()} dots on the board, most held by one person {dotsPerPerson.DefaultIfEmpty().Max()} of {budget}, "
    + $"people over budget {dotsPerPerson.Count(n => n > budget)}; one dot more asked by {overBudgetAsked}, refused for {overBudgetRefused}");
await app.StopAsync();
try { Directory.Delete(dataFolder, recursive: true); } catch (IOException) { }

static string Stats(List<double> values, int count)
{
    values.Sort();
    double P(double q) => values.Count == 0 ? double.NaN : values[Math.Min(values.Count - 1, (int)Math.Ceiling(q / 100 * values.Count) - 1)];
    return $"{count,7} {P(50),8:0.0} {P(95),8:0.0} {P(99),8:0.0} {(values.Count == 0 ? double.NaN : values[^1]),8:0.0}";
}

static double NowMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

async Task<Actor> CreateMemberAsync(string name, string role)
{
    await using var scope = app.Services.CreateAsyncScope();
    var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
    var email = $"{Guid.NewGuid():N}@bench.hrc.local";
    var user = new AppUser
    {
        UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, City = "Graz", Organisation = "Bench",
        ApprovalStatus = ApprovalStatus.Approved, RegisteredAt = DateTime.UtcNow,
    };
    Check(await users.CreateAsync(user));
    Check(await users.AddToRoleAsync(user, role));
    return new Actor(user.Id, name, new HashSet<string> { role }, true);

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}

internal sealed class NodeClients
{
    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly SemaphoreSlim _arrived = new(0);

    private NodeClients(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is null) return; lock (_lines) _lines.Add(e.Data); _arrived.Release(); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("node: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static NodeClients Start(string hubUrl, string topic, string participantsFile)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "board-clients.js");
        var start = new ProcessStartInfo("node", script)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        start.Environment["NODE_PATH"] = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../node_modules"));
        start.Environment["HUB_URL"] = hubUrl;
        start.Environment["TOPIC"] = topic;
        start.Environment["PARTICIPANTS_FILE"] = participantsFile;
        return new NodeClients(Process.Start(start)!);
    }

    public void Send(string line)
    {
        _process.StandardInput.WriteLine(line);
        _process.StandardInput.Flush();
    }

    public async Task WaitForLineAsync(string prefix, TimeSpan timeout) => await WaitForLinesUntilAsync(prefix, timeout);

    /// <summary>Every line printed so far, once one starts with <paramref name="prefix"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForLinesUntilAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_lines)
            {
                if (_lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal))) return _lines.ToList();
                if (_lines.FirstOrDefault(l => l.StartsWith("FAILED", StringComparison.Ordinal)) is { } failed) throw new InvalidOperationException(failed);
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                lock (_lines) throw new TimeoutException($"Node printed: {string.Join(" | ", _lines.TakeLast(5))}");
        }
    }
}

using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Live;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Tests.Live;

/// <summary>Hot topics held in memory and written to the SQLite change log in batches.</summary>
public sealed class LiveTopicHostTests : IAsyncLifetime
{
    private sealed record Note(string Text);

    /// <summary>A stand-in for a room's state: the notes in order; an empty note is refused.</summary>
    private sealed class Notes : ILiveProjection<IReadOnlyList<string>, Note>
    {
        public static readonly Notes Projection = new();

        public IReadOnlyList<string> Empty(string topic) => [];

        public IReadOnlyList<string> Apply(IReadOnlyList<string> state, LiveEvent<Note> change) =>
            string.IsNullOrWhiteSpace(change.Change.Text) ? throw new ValidationFailedException("text", "A note needs some text.") : [.. state, change.Change.Text];
    }

    private SqliteDatabase _database = null!;
    private readonly List<LiveTopicHosts> _started = [];

    public async Task InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        foreach (var hosts in _started) await hosts.StopAsync(CancellationToken.None);
        await _database.DisposeAsync();
    }

    private async Task<LiveTopicHosts> StartHostsAsync(TimeSpan flushEvery, int flushAtChanges = 100, int tailSize = 500)
    {
        var hosts = new LiveTopicHosts(new SqliteLiveChangeStore(_database.Get<IDbContextFactory<HrcDbContext>>()), _database.Services,
            TimeProvider.System, Options.Create(new LiveOptions { FlushEvery = flushEvery, FlushAtChanges = flushAtChanges, TailSize = tailSize }),
            NullLogger<LiveTopicHosts>.Instance);
        await hosts.StartAsync(CancellationToken.None);
        _started.Add(hosts);
        return hosts;
    }

    private async Task StopAsync(LiveTopicHosts hosts)
    {
        await hosts.StopAsync(CancellationToken.None);
        _started.Remove(hosts);
    }

    private async Task<List<LiveChange>> LoggedAsync(string topic)
    {
        await using var db = _database.CreateDbContext();
        return await db.LiveChanges.AsNoTracking().Where(c => c.Topic == topic).OrderBy(c => c.Seq).ToListAsync();
    }

    private async Task<List<LiveChange>> WaitForLoggedAsync(string topic, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var logged = await LoggedAsync(topic);
            if (logged.Count >= count) return logged;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{logged.Count} of {count} changes were written.");
            await Task.Delay(20);
        }
    }

    private static string NewTopic() => $"rooms/{Guid.NewGuid():N}";

    [Fact]
    public async Task AcceptedChanges_AreWrittenWithinTheBatchWindow_WithoutAStop()
    {
        var hosts = await StartHostsAsync(TimeSpan.FromMilliseconds(100));
        var topic = NewTopic();
        var room = await hosts.GetAsync(topic, Notes.Projection);

        for (var i = 1; i <= 5; i++) await room.AcceptAsync("emil", new Note($"note {i}"));

        var logged = await WaitForLoggedAsync(topic, 5);
        Assert.Equal([1L, 2, 3, 4, 5], logged.Select(c => c.Seq));
        Assert.All(logged, c => Assert.Equal("emil", c.ActorId));
        Assert.Equal(nameof(Note), logged[0].Kind);
        Assert.Contains("note 1", logged[0].Payload);
    }

    [Fact]
    public async Task AFullBatch_IsWrittenAtOnce_BeforeTheWindowEnds()
    {
        var hosts = await StartHostsAsync(TimeSpan.FromHours(1), flushAtChanges: 20);
        var topic = NewTopic();
        var room = await hosts.GetAsync(topic, Notes.Projection);

        for (var i = 1; i <= 20; i++) await room.AcceptAsync("emil", new Note($"note {i}"));

        Assert.Equal(20, (await WaitForLoggedAsync(topic, 20)).Count);
    }

    [Fact]
    public async Task ACleanStop_WritesEveryAcceptedChange()
    {
        var hosts = await StartHostsAsync(TimeSpan.FromHours(1), flushAtChanges: 10_000);
        var topic = NewTopic();
        var room = await hosts.GetAsync(topic, Notes.Projection);
        for (var i = 1; i <= 30; i++) await room.AcceptAsync(null, new Note($"note {i}"));
        Assert.Empty(await LoggedAsync(topic));

        await StopAsync(hosts);

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), (await LoggedAsync(topic)).Select(c => c.Seq));
        Assert.Equal(0, hosts.Unwritten);
    }

    [Fact]
    public async Task AfterARestart_TheHostRehydratesStateAndTail_AndContinuesTheSequence()
    {
        var topic = NewTopic();
        var before = await StartHostsAsync(TimeSpan.FromHours(1));
        var room = await before.GetAsync(topic, Notes.Projection);
        foreach (var text in new[] { "one", "two", "three" }) await room.AcceptAsync("carla", new Note(text));
        await StopAsync(before);

        var after = await StartHostsAsync(TimeSpan.FromHours(1));
        var again = await after.GetAsync(topic, Notes.Projection);
        Assert.Equal(3, again.LastSeq);
        Assert.Equal(["one", "two", "three"], again.State);

        var next = await again.AcceptAsync("emil", new Note("four"));
        Assert.Equal(4, next.Seq);
        Assert.Equal([2L, 3, 4], again.ChangesAfter(1).Changes.Select(c => c.Seq));
        await StopAsync(after);
        Assert.Equal([1L, 2, 3, 4], (await LoggedAsync(topic)).Select(c => c.Seq));
    }

    [Fact]
    public async Task ChangesAfter_ServesWhatTheTailHolds_AndOtherwiseSaysReload()
    {
        var hosts = await StartHostsAsync(TimeSpan.FromHours(1), tailSize: 5);
        var room = await hosts.GetAsync(NewTopic(), Notes.Projection);
        for (var i = 1; i <= 10; i++) await room.AcceptAsync(null, new Note($"note {i}"));

        var recent = room.ChangesAfter(7);
        Assert.False(recent.MustReload);
        Assert.Equal(["note 8", "note 9", "note 10"], recent.Changes.Select(c => c.Change.Text));
        Assert.Equal([6L, 7, 8, 9, 10], room.ChangesAfter(5).Changes.Select(c => c.Seq));
        Assert.True(room.ChangesAfter(4).MustReload);
        Assert.Empty(room.ChangesAfter(10).Changes);
        Assert.False(room.ChangesAfter(10).MustReload);
    }

    [Fact]
    public async Task ARefusedChange_IsNeitherNumberedNorWritten_AndFollowersHearOnlyAcceptedOnes()
    {
        var hosts = await StartHostsAsync(TimeSpan.FromHours(1));
        var topic = NewTopic();
        var room = await hosts.GetAsync(topic, Notes.Projection);
        using var follower = new LiveRecorder<Note>(_database.Get<ILiveNotifier<Note>>(), topic);

        await Assert.ThrowsAsync<ValidationFailedException>(() => room.AcceptAsync("emil", new Note(" ")));
        await room.AcceptAsync("emil", new Note("kept"));

        var heard = await follower.WaitForAsync(1);
        Assert.Equal([(1L, "kept")], follower.Events.Select(e => (e.Seq, e.Change.Text)));
        Assert.Single(heard);
        await StopAsync(hosts);
        Assert.Single(await LoggedAsync(topic));
    }
}

using HrcCommunity.Domain.Live;

namespace HrcCommunity.Tests.Live;

public sealed class LiveSequenceTests
{
    private static LiveEvent<string> Change(long seq, string? actor = "carla") => new("room", seq, actor, $"change {seq}", DateTimeOffset.UnixEpoch);

    [Fact]
    public void NextInOrder_ByAnotherPerson_IsApplied()
    {
        var follower = new LiveSequence(4, "emil");

        Assert.Equal(LiveStep.Apply, follower.Next(Change(5)));
        Assert.Equal(LiveStep.Apply, follower.Next(Change(6)));
        Assert.Equal(6, follower.Last);
    }

    [Fact]
    public void AGapInTheSequence_TriggersAReload_AndTheFollowerCarriesOnFromThere()
    {
        var follower = new LiveSequence(4, "emil");

        Assert.Equal(LiveStep.Reload, follower.Next(Change(7)));
        Assert.Equal(LiveStep.Apply, follower.Next(Change(8)));
    }

    [Fact]
    public void OwnEcho_IsSkipped_ButOwnChangeAfterAGapStillReloads()
    {
        var follower = new LiveSequence(0, "emil");

        Assert.Equal(LiveStep.SkipOwnEcho, follower.Next(Change(1, "emil")));
        Assert.Equal(LiveStep.Reload, follower.Next(Change(3, "emil")));
        Assert.Equal(LiveStep.Apply, follower.Next(Change(4, null)));
    }

    [Fact]
    public void AChangeAlreadySeen_OrFromBeforeTheStart_IsIgnored()
    {
        var follower = new LiveSequence(10, "emil");

        Assert.Equal(LiveStep.Ignore, follower.Next(Change(10)));
        Assert.Equal(LiveStep.Apply, follower.Next(Change(11)));
        Assert.Equal(LiveStep.Ignore, follower.Next(Change(11)));
    }
}

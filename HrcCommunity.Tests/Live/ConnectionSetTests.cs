using HrcCommunity.Web.Live;

namespace HrcCommunity.Tests.Live;

public sealed class ConnectionSetTests
{
    [Fact]
    public void WithAndWithout_KeepJoinOrder_AndEachConnectionOnce()
    {
        var set = ConnectionSet.Empty.With("a").With("b").With("a").With("c").Without("b").Without("x");

        Assert.Equal(["a", "c"], set);
        Assert.Equal(2, set.Count);
        Assert.Equal("c", set[1]);
        Assert.Same(set, set.Without("x"));
    }

    [Fact]
    public void ContainsAsSignalRAsksIt_IsAnsweredByTheSet()
    {
        // SignalR's send to a list of connections casts it to IReadOnlyList<string> and calls LINQ's Contains, which uses
        // ICollection<string>.Contains when the list is one: that is what makes the lookup a hash, not a scan.
        IReadOnlyList<string> ids = Enumerable.Range(0, 1_000).Aggregate(ConnectionSet.Empty, (set, i) => set.With($"c{i}"));

        Assert.IsAssignableFrom<ICollection<string>>(ids);
        Assert.Contains("c999", ids);
        Assert.DoesNotContain("c1000", ids);
    }
}

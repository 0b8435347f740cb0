using HrcCommunity.Domain.Common;

namespace HrcCommunity.Web.Live;

/// <summary>Who may follow which hub topic; a feature registers its topics with their rule.</summary>
public sealed class LiveTopics
{
    private readonly List<(Func<string, bool> Matches, Func<Actor, bool> Allowed)> _rules = [];

    public LiveTopics Add(Func<string, bool> matches, Func<Actor, bool> allowed)
    {
        _rules.Add((matches, allowed));
        return this;
    }

    public bool MayJoin(Actor actor, string topic)
    {
        var rule = _rules.FirstOrDefault(r => r.Matches(topic));
        return rule.Allowed is not null && rule.Allowed(actor);
    }
}

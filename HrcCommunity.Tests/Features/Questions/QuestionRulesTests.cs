using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Questions;
using static HrcCommunity.Domain.Features.Questions.QuestionAction;
using static HrcCommunity.Domain.Features.Questions.QuestionState;

namespace HrcCommunity.Tests.Features.Questions;

public sealed class QuestionRulesTests
{
    /// <summary>The state machine as the issue describes it, written out independently of the implementation.</summary>
    private static readonly Dictionary<(QuestionState, QuestionAction), QuestionState> Expected = new()
    {
        [(New, Claim)] = Claimed,
        [(New, Reassign)] = Claimed,
        [(New, RejectAsSpam)] = RejectedAsSpam,
        [(Claimed, Release)] = New,
        [(Claimed, Reassign)] = Claimed,
        [(Claimed, SendAnswer)] = Answered,
        [(Claimed, RejectAsSpam)] = RejectedAsSpam,
        [(Answered, Publish)] = Published,
        [(Answered, CloseUnpublished)] = ClosedUnpublished,
        [(Published, CloseUnpublished)] = ClosedUnpublished,
        [(RejectedAsSpam, Reopen)] = New,
    };

    private static readonly QuestionAction[] StateChanges = [Claim, Release, Reassign, SendAnswer, Publish, CloseUnpublished, RejectAsSpam, Reopen];

    public static TheoryData<QuestionState, QuestionAction> EveryPair()
    {
        var data = new TheoryData<QuestionState, QuestionAction>();
        foreach (var state in Enum.GetValues<QuestionState>())
            foreach (var action in StateChanges)
                data.Add(state, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Next_AllowsExactlyTheDesignedTransitions_AndRefusesEveryOtherWithAConflict(QuestionState from, QuestionAction action)
    {
        if (Expected.TryGetValue((from, action), out var to))
        {
            Assert.True(QuestionRules.Allows(from, action));
            Assert.Equal(to, QuestionRules.Next(from, action));
        }
        else
        {
            Assert.False(QuestionRules.Allows(from, action));
            var refused = Assert.Throws<ConflictException>(() => QuestionRules.Next(from, action));
            Assert.Contains(QuestionRules.Describe(from), refused.Message);
        }
    }

    [Fact]
    public void Rules_HaveNoTransitionBeyondTheDesign()
    {
        Assert.Equal(Expected.Count, QuestionRules.All.Count());
    }

    [Fact]
    public void ClosedQuestions_CannotBeClaimedOrAnsweredAgain()
    {
        foreach (var state in new[] { Answered, Published, ClosedUnpublished })
        {
            Assert.False(QuestionRules.Allows(state, Claim));
            Assert.False(QuestionRules.Allows(state, SendAnswer));
        }
    }
}

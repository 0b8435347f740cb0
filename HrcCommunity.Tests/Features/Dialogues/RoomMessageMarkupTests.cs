using HrcCommunity.Domain.Features.Dialogues;
using HrcCommunity.Web.Features.Dialogues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace HrcCommunity.Tests.Features.Dialogues;

public sealed class RoomMessageMarkupTests
{
    private static readonly RoomMessageViewer Reader = new(MentionsMe: false, FirstUnread: false, MyReactions: 0, IsModerator: false,
        MayMuteAuthor: false, AuthorMuted: false);

    private static RoomMessageMarkup CreateMarkup() =>
        new(new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<DialoguesText>>());

    private static RoomMessage Message(string author = "Bruno Berg", params ReactionCount[] reactions) =>
        new(41, null, "bruno", author, "York", "Hello", "<p>Hello</p>", [], new DateTime(2026, 11, 30, 9, 5, 0, DateTimeKind.Utc), null, false, reactions);

    [Fact]
    public void AMessageReadByTwoTabs_IsKeptOnce_UntilItsReactionsOrRemovalDiffer()
    {
        var markup = CreateMarkup();

        var first = markup.Shared(Message());
        var again = markup.Shared(Message());
        var counted = markup.Shared(Message(reactions: new ReactionCount("clap", 1)));
        var removed = markup.Shared(Message() with { IsRemoved = true });

        Assert.Same(first, again);
        Assert.NotSame(first, counted);
        Assert.Equal(1, counted.Reactions.Single().Count);
        Assert.True(removed.IsRemoved);
        Assert.Same(counted, markup.Shared(Message(reactions: new ReactionCount("clap", 1))));
    }

    [Fact]
    public void OneMessageSeenAlike_IsOneSharedString_AndACountedReactionMakesAnother()
    {
        var markup = CreateMarkup();

        var first = markup.For(Message(), Reader, asItem: true).Value;
        var again = markup.For(Message(), Reader, asItem: true).Value;
        var counted = markup.For(Message(reactions: new ReactionCount("clap", 1)), Reader with { MyReactions = 1 << 2 }, asItem: true).Value;

        Assert.Same(first, again);
        Assert.StartsWith("<li data-message=\"41\"><article class=\"room-message\">", first);
        Assert.Contains("aria-label=\"Applause: 0\"", first);
        Assert.Contains("data-arg=\"clap\" aria-pressed=\"true\" aria-label=\"Applause: 1\"", counted);
        Assert.Contains("<time datetime=\"2026-11-30T09:05:00.0000000Z\">09:05 UTC</time>", first);
    }

    [Fact]
    public void AuthorIsEncoded_AndOnlyAModeratorGetsPinDeleteAndMute()
    {
        var markup = CreateMarkup();
        var message = Message("<b>Bruno</b>");

        var read = markup.For(message, Reader, asItem: false).Value;
        var moderated = markup.For(message, Reader with { IsModerator = true, MayMuteAuthor = true, AuthorMuted = true }, asItem: false).Value;

        Assert.DoesNotContain("<b>Bruno</b>", read);
        Assert.Contains("&lt;b&gt;Bruno&lt;/b&gt;", read);
        Assert.Contains("data-action=\"reply\"", read);
        Assert.DoesNotContain("data-action=\"delete\"", read);
        Assert.Contains("data-action=\"pin\"", moderated);
        Assert.Contains("data-action=\"delete\"", moderated);
        Assert.Contains(">Unmute &lt;b&gt;Bruno&lt;/b&gt;</button>", moderated);
    }

    [Fact]
    public void Question_ShowsVotesAndBadges_AndItsUpvoteIsDisabledOnceVoted()
    {
        var markup = CreateMarkup();
        var question = new RoomQuestion(5, null, null, "Who pays for the benches?", 3, true, DateTime.UtcNow);

        var html = markup.For(question, new RoomQuestionViewer(Highlighted: true, VotedForIt: true, IsModerator: false)).Value;

        Assert.StartsWith("<li data-question=\"5\" class=\"room-highlighted\">", html);
        Assert.Contains("Now discussed", html);
        Assert.Contains("3 votes", html);
        Assert.Contains("data-action=\"upvote\" disabled", html);
        Assert.DoesNotContain("data-action=\"highlight\"", html);
    }
}

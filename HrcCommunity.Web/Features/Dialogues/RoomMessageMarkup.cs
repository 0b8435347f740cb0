using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using HrcCommunity.Domain.Features.Dialogues;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace HrcCommunity.Web.Features.Dialogues;

/// <summary>What differs between two people's view of one message.</summary>
/// <param name="MyReactions">One bit per <see cref="RoomReactions.All"/>, in its order: the reactions this person gave.</param>
/// <param name="MayMuteAuthor">A moderator looking at someone else's message (not the system's).</param>
public readonly record struct RoomMessageViewer(bool MentionsMe, bool FirstUnread, int MyReactions, bool IsModerator, bool MayMuteAuthor,
    bool AuthorMuted);

/// <summary>What differs between two people's view of one audience question.</summary>
public readonly record struct RoomQuestionViewer(bool Highlighted, bool VotedForIt, bool IsModerator);

/// <summary>
/// One room message (or audience question) as a single piece of HTML, shared by every circuit that shows it the same way. A component keeps
/// the frames of its current and previous render, so a message built from elements, with a handler per button, cost
/// each idle room tab several KB of frames, delegates and strings; as markup from here it costs the tab a reference.
/// Its buttons carry data-action (and data-arg) and are answered by the list's one <c>@onroomaction</c> handler.
/// </summary>
public sealed class RoomMessageMarkup(IStringLocalizer<DialoguesText> text)
{
    // Bounded: a busy day's rooms fit, and what no tab has asked for in a while goes.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 20_000 });
    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(20) };

    /// <param name="asItem">With its list item around it (a message without replies, or a reply).</param>
    public MarkupString For(RoomMessage message, RoomMessageViewer viewer, bool asItem)
    {
        // Everything the HTML depends on; the text itself never changes once posted, only its removal.
        var key = new StringBuilder(64).Append(CultureInfo.CurrentUICulture.Name).Append("|m").Append(message.Id).Append('|').Append(asItem)
            .Append(message.IsRemoved).Append('|').Append(viewer.MentionsMe).Append(viewer.FirstUnread)
            .Append(viewer.MyReactions).Append(viewer.IsModerator).Append(viewer.MayMuteAuthor).Append(viewer.AuthorMuted);
        foreach (var reaction in message.Reactions) key.Append('|').Append(reaction.Reaction).Append(':').Append(reaction.Count);
        var cacheKey = key.ToString();
        if (!_cache.TryGetValue(cacheKey, out string? html) || html is null)
        {
            html = Build(message, viewer);
            if (asItem) html = $"<li data-message=\"{message.Id}\">{html}</li>";
            _cache.Set(cacheKey, html, Entry);
        }
        return new MarkupString(html);
    }

    /// <summary>
    /// The one copy of a message that tabs keep: each tab that opens the room reads its own copy from the database (text,
    /// HTML, names), and an idle tab holds it for as long as it stays open; alike messages share one record instead.
    /// </summary>
    public RoomMessage Shared(RoomMessage message)
    {
        // What can change once posted: its removal and its reactions' counts.
        var key = new StringBuilder(48).Append("r|").Append(message.Id).Append('|').Append(message.IsRemoved);
        foreach (var reaction in message.Reactions) key.Append('|').Append(reaction.Reaction).Append(':').Append(reaction.Count);
        var cacheKey = key.ToString();
        if (_cache.TryGetValue(cacheKey, out RoomMessage? shared) && shared is not null) return shared;
        _cache.Set(cacheKey, message, Entry);
        return message;
    }

    public MarkupString For(RoomQuestion question, RoomQuestionViewer viewer)
    {
        // The text and author never change once asked.
        var cacheKey = string.Create(CultureInfo.InvariantCulture,
            $"{CultureInfo.CurrentUICulture.Name}|q{question.Id}|{question.Votes}|{question.IsAnswered}|{viewer.Highlighted}{viewer.VotedForIt}{viewer.IsModerator}");
        if (!_cache.TryGetValue(cacheKey, out string? html) || html is null)
        {
            html = Build(question, viewer);
            _cache.Set(cacheKey, html, Entry);
        }
        return new MarkupString(html);
    }

    /// <summary>
    /// The speaker queue's contents: who has the floor, the raised hands in order and this person's buttons (data-action
    /// raise, lower or floor, answered by the section's one <c>@onroomaction</c> handler).
    /// </summary>
    public MarkupString ForSpeakers(RoomHand? floor, IReadOnlyList<RoomHand> hands, bool myHandRaised, bool isModerator)
    {
        // Names and cities are part of the key: the markup shows them.
        var key = new StringBuilder(64).Append(CultureInfo.CurrentUICulture.Name).Append("|s|").Append(myHandRaised).Append(isModerator);
        if (floor is not null) key.Append("|floor:").Append(floor.UserId).Append('\u001f').Append(floor.Name).Append('\u001f').Append(floor.City);
        foreach (var hand in hands) key.Append("|hand:").Append(hand.UserId).Append('\u001f').Append(hand.Name).Append('\u001f').Append(hand.City);
        var cacheKey = key.ToString();
        if (!_cache.TryGetValue(cacheKey, out string? html) || html is null)
        {
            html = BuildSpeakers(floor, hands, myHandRaised, isModerator);
            _cache.Set(cacheKey, html, Entry);
        }
        return new MarkupString(html);
    }

    private string BuildSpeakers(RoomHand? floor, IReadOnlyList<RoomHand> hands, bool myHandRaised, bool isModerator)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(512 + hands.Count * 96);
        html.Append("<h2 id=\"speakers-heading\">").Append(encoder.Encode(text["Speakers"])).Append("</h2><p data-floor>")
            .Append(encoder.Encode(floor is null ? text["NobodyHasFloor"] : string.Format(text["HasFloor"], floor.Name, floor.City))).Append("</p>");
        if (hands.Count == 0)
        {
            html.Append("<p>").Append(encoder.Encode(text["NoHands"])).Append("</p>");
        }
        else
        {
            html.Append("<ol class=\"room-hands\" aria-label=\"").Append(encoder.Encode(text["HandsQueue"])).Append("\">");
            foreach (var hand in hands)
            {
                html.Append("<li data-hand=\"").Append(encoder.Encode(hand.UserId)).Append("\">").Append(encoder.Encode(hand.Name))
                    .Append(" <span class=\"hint\">").Append(encoder.Encode(hand.City)).Append("</span></li>");
            }
            html.Append("</ol>");
        }
        html.Append("<div class=\"actions\">");
        if (myHandRaised)
            html.Append("<button type=\"button\" class=\"button button-secondary\" data-action=\"lower\">").Append(encoder.Encode(text["LowerHand"])).Append("</button>");
        else
            html.Append("<button type=\"button\" class=\"button\" data-action=\"raise\">").Append(encoder.Encode(text["RaiseHand"])).Append("</button>");
        if (isModerator && hands.Count > 0)
        {
            html.Append("<button type=\"button\" class=\"button\" data-action=\"floor\">")
                .Append(encoder.Encode(string.Format(text["GiveFloor"], hands[0].Name))).Append("</button>");
        }
        return html.Append("</div>").ToString();
    }

    private string Build(RoomQuestion question, RoomQuestionViewer viewer)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(512 + question.Text.Length * 2);
        html.Append("<li data-question=\"").Append(question.Id).Append('"').Append(viewer.Highlighted ? " class=\"room-highlighted\">" : ">");
        if (viewer.Highlighted) html.Append("<strong class=\"badge\">").Append(encoder.Encode(text["Highlighted"])).Append("</strong> ");
        if (question.IsAnswered) html.Append("<span class=\"badge\">").Append(encoder.Encode(text["Answered"])).Append("</span> ");
        html.Append("<p>").Append(encoder.Encode(question.Text)).Append("</p><p class=\"hint\">")
            .Append(encoder.Encode(question.AuthorName is null ? text["Anonymous"] : $"{question.AuthorName}, {question.City}"))
            .Append(" · ").Append(encoder.Encode(string.Format(text["Votes"], question.Votes))).Append("</p><div class=\"actions\">")
            .Append("<button type=\"button\" class=\"button button-secondary\" data-action=\"upvote\"").Append(viewer.VotedForIt ? " disabled" : "")
            .Append(" aria-label=\"").Append(encoder.Encode(string.Format(text["UpvoteLabel"], question.Text))).Append("\">")
            .Append(encoder.Encode(text["Upvote"])).Append("</button>");
        if (viewer.IsModerator)
        {
            html.Append("<button type=\"button\" class=\"button button-secondary\" data-action=\"highlight\">")
                .Append(encoder.Encode(viewer.Highlighted ? text["Unhighlight"] : text["Highlight"])).Append("</button>");
            if (!question.IsAnswered)
                html.Append("<button type=\"button\" class=\"button button-secondary\" data-action=\"answer\">").Append(encoder.Encode(text["MarkAnswered"])).Append("</button>");
        }
        return html.Append("</div></li>").ToString();
    }

    private string Build(RoomMessage message, RoomMessageViewer viewer)
    {
        var encoder = HtmlEncoder.Default;
        var html = new StringBuilder(1024 + message.Html.Length);
        html.Append("<article class=\"room-message").Append(viewer.MentionsMe ? " room-mentions-me" : "").Append("\">");
        if (viewer.FirstUnread)
            html.Append("<p class=\"room-unread\" id=\"room-unread\">").Append(encoder.Encode(text["NewSinceYouLeft"])).Append("</p>");
        html.Append("<p class=\"room-meta\"><strong>").Append(encoder.Encode(message.AuthorName)).Append("</strong> <span class=\"hint\">")
            .Append(encoder.Encode(message.City)).Append(" · <time datetime=\"").Append(message.SentAt.ToString("o", CultureInfo.InvariantCulture))
            .Append("\">").Append(message.SentAt.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture)).Append("</time></span></p>");
        if (message.IsRemoved)
        {
            html.Append("<p class=\"hint\"><em>").Append(encoder.Encode(text["Removed"])).Append("</em></p></article>");
            return html.ToString();
        }
        // Markdown with raw HTML disabled, made by Domain (RoomText.ToHtml).
        html.Append("<div class=\"room-text\">").Append(message.Html).Append("</div>");
        html.Append("<div class=\"room-reactions\" role=\"group\" aria-label=\"").Append(encoder.Encode(text["Reactions"])).Append("\">");
        for (var i = 0; i < RoomReactions.All.Count; i++)
        {
            var (code, emoji) = RoomReactions.All[i];
            var count = message.Reactions.FirstOrDefault(r => r.Reaction == code)?.Count ?? 0;
            html.Append("<button type=\"button\" class=\"reaction\" data-action=\"react\" data-arg=\"").Append(code)
                .Append("\" aria-pressed=\"").Append((viewer.MyReactions & (1 << i)) != 0 ? "true" : "false")
                .Append("\" aria-label=\"").Append(encoder.Encode(string.Format(text["ReactionLabel"], text[$"Reaction_{code}"], count)))
                .Append("\"><span aria-hidden=\"true\">").Append(emoji);
            if (count > 0) html.Append(' ').Append(count);
            html.Append("</span></button>");
        }
        html.Append("</div><div class=\"actions room-message-actions\">");
        Button(html, "reply", string.Format(text["ReplyTo"], message.AuthorName), text["Reply"]);
        if (viewer.IsModerator)
        {
            Button(html, "pin", null, text["Pin"]);
            Button(html, "delete", null, text["Delete"]);
            if (viewer.MayMuteAuthor) Button(html, "mute", null, string.Format(viewer.AuthorMuted ? text["Unmute"] : text["Mute"], message.AuthorName));
        }
        return html.Append("</div></article>").ToString();
    }

    private static void Button(StringBuilder html, string action, string? label, string content)
    {
        var encoder = HtmlEncoder.Default;
        html.Append("<button type=\"button\" class=\"link-button\" data-action=\"").Append(action).Append('"');
        if (label is not null) html.Append(" aria-label=\"").Append(encoder.Encode(label)).Append('"');
        html.Append('>').Append(encoder.Encode(content)).Append("</button>");
    }
}

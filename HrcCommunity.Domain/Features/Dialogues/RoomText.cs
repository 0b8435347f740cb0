using System.Text.RegularExpressions;
using HrcCommunity.Domain.Common;

namespace HrcCommunity.Domain.Features.Dialogues;

/// <summary>The fixed set of reactions: a code kept in the database and sent to clients, and the emoji shown.</summary>
public static class RoomReactions
{
    public static readonly IReadOnlyList<(string Code, string Emoji)> All =
        [("thumbs-up", "👍"), ("heart", "❤️"), ("clap", "👏"), ("idea", "💡"), ("question", "❓")];

    public static bool IsKnown(string? code) => All.Any(r => r.Code == code);

    public static string EmojiOf(string code) => All.FirstOrDefault(r => r.Code == code).Emoji ?? "";
}

/// <summary>Message text: @mentions resolved against the room's people, and the HTML shown for it.</summary>
public static class RoomText
{
    /// <summary>Markdown with raw HTML disabled (<see cref="Markdown"/>), then each mention wrapped in a mark.</summary>
    public static string ToHtml(string text, IReadOnlyList<string> mentions)
    {
        var html = Markdown.ToHtml(text);
        return mentions.Count == 0 ? html
            : MentionPattern(mentions.Select(EscapeLikeMarkdig)).Replace(html, m => $"<mark class=\"mention\">{m.Value}</mark>");
    }

    /// <summary>The text with every "@<paramref name="name"/>" mention replaced by <paramref name="replacement"/>, as written.</summary>
    public static string ReplaceMention(string text, string name, string replacement) =>
        MentionPattern([name]).Replace(text, replacement);

    // One pattern for all names, longest first; a mention ends where the name ends, not inside a longer word.
    internal static Regex MentionPattern(IEnumerable<string> names) =>
        new($"(?<!\\w)@(?:{string.Join('|', names.OrderByDescending(n => n.Length).Select(Regex.Escape))})(?!\\w)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    // Markdig escapes these four in text; a name is matched in the HTML as Markdig wrote it.
    private static string EscapeLikeMarkdig(string name) =>
        name.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}

/// <summary>
/// The @mention pattern of one set of names, built once: a room of 1,000 members would otherwise build a pattern of 1,000
/// names for every message.
/// </summary>
public sealed class MentionFinder
{
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Regex? _pattern;

    public MentionFinder(IEnumerable<string> names)
    {
        // The first spelling of a name is the one a mention resolves to.
        foreach (var name in names.Where(n => n.Length > 0)) _byName.TryAdd(name, name);
        _pattern = _byName.Count == 0 ? null : RoomText.MentionPattern(_byName.Values);
    }

    /// <summary>The names mentioned as "@Name", matched longest first so "@Anna Berger" is not read as "@Anna".</summary>
    public IReadOnlyList<string> Find(string text) =>
        _pattern is null || !text.Contains('@') ? []
            : _pattern.Matches(text).Select(m => _byName[m.Value[1..]]).Distinct(StringComparer.Ordinal).ToList();
}

using System.Net;
using System.Text;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>One run of snippet text, highlighted where it matched the query.</summary>
public sealed record SnippetPart(string Text, bool Highlighted);

/// <summary>
/// A highlighted excerpt. The index holds user text, so the excerpt is kept as parts of plain text
/// and only our own highlight markers (characters the index never stores) ever become &lt;mark&gt;.
/// </summary>
public sealed record SearchSnippet(IReadOnlyList<SnippetPart> Parts)
{
    // Private-use characters: IndexAsync strips them from indexed text, so only the index's excerpts insert them.
    internal const char Open = '\uE000';
    internal const char Close = '\uE001';

    /// <summary>Stands for '&lt;' while PostgreSQL's ts_headline cuts an excerpt (it drops what looks like a tag).</summary>
    internal const char TagGuard = '\uE002';

    public static SearchSnippet Empty { get; } = new([]);

    public static SearchSnippet Parse(string? marked)
    {
        if (string.IsNullOrEmpty(marked)) return Empty;
        var parts = new List<SnippetPart>();
        var current = new StringBuilder();
        var highlighted = false;
        foreach (var c in marked)
        {
            if (c is Open or Close)
            {
                Flush();
                highlighted = c == Open;
            }
            else current.Append(c);
        }
        Flush();
        return new SearchSnippet(parts);

        void Flush()
        {
            if (current.Length > 0) parts.Add(new SnippetPart(current.ToString(), highlighted));
            current.Clear();
        }
    }

    public string PlainText => string.Concat(Parts.Select(p => p.Text));

    /// <summary>Escaped text with &lt;mark&gt; around the matches, for clients that want HTML.</summary>
    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var part in Parts)
        {
            var text = WebUtility.HtmlEncode(part.Text);
            html.Append(part.Highlighted ? $"<mark>{text}</mark>" : text);
        }
        return html.ToString();
    }

    internal static string StripMarkers(string text) =>
        text.Contains(Open) || text.Contains(Close) || text.Contains(TagGuard)
            ? text.Replace(Open.ToString(), "").Replace(Close.ToString(), "").Replace(TagGuard.ToString(), "")
            : text;
}

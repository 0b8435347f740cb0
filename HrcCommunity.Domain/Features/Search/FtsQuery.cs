using System.Text;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>
/// Turns what a person typed into a safe FTS5 MATCH expression. FTS5 has its own syntax (quotes,
/// NEAR, column filters, AND/OR/NOT, *); user text is never passed through as syntax, so
/// <c>"foo" OR title:*</c> searches for those words instead of failing with a syntax error.
/// </summary>
public static class FtsQuery
{
    public const int MaxInputLength = 200;

    private const int MaxTerms = 12;

    /// <summary>
    /// Every word must match (implicit AND), in any column unless <paramref name="column"/> names one: a column
    /// filter makes FTS5 read the positions of every match, and the index's other columns hold tokens no one
    /// types by chance (see <see cref="KindFilter"/>). With <paramref name="prefixLastTerm"/> the last word also
    /// matches as a prefix, for suggestions while someone is typing (a full search does not: expanding a prefix
    /// over 100,000 entries costs more than it helps). Null when nothing searchable is left.
    /// </summary>
    public static string? Build(string? text, bool prefixLastTerm = false, string? column = null)
    {
        var terms = Terms(text);
        if (terms.Count == 0) return null;
        var builder = new StringBuilder();
        if (column is not null) builder.Append(column).Append(" : ");
        builder.Append('(');
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            // A quoted string is always a plain phrase to FTS5; tokens hold only letters and digits.
            builder.Append('"').Append(terms[i]).Append('"');
            if (prefixLastTerm && i == terms.Count - 1 && terms[i].Length >= 2) builder.Append('*');
        }
        return builder.Append(')').ToString();
    }

    /// <summary>
    /// Only entries of a known kind. The index holds the kind as "kind" and the name in one token, so that
    /// someone searching for the word "practice" is not given every practice.
    /// </summary>
    public static string KindFilter(string kind) => $"Kind : \"kind{kind}\"";

    /// <summary>Only entries with a known theme. The index holds a theme code as one token without its hyphens.</summary>
    public static string ThemeFilter(string theme) => $"Themes : \"{theme.Replace("-", "")}\"";

    /// <summary>The words of the input as the index's unicode61 tokenizer would see them.</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var input = text.Length > MaxInputLength ? text[..MaxInputLength] : text;
        var terms = new List<string>();
        var current = new StringBuilder();
        foreach (var c in input)
        {
            if (char.IsLetterOrDigit(c)) current.Append(c);
            else Flush();
            if (terms.Count == MaxTerms) break;
        }
        Flush();
        return terms;

        void Flush()
        {
            if (current.Length == 0 || terms.Count == MaxTerms) { current.Clear(); return; }
            terms.Add(current.ToString());
            current.Clear();
        }
    }
}

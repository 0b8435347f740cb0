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

    /// <summary>The columns people's words are matched against; theme codes have their own column and filter.</summary>
    public const string TextColumns = "{Title Summary Body}";
    private const int MaxTerms = 12;

    /// <summary>
    /// Every word must match (implicit AND) in one of the given columns. With <paramref name="prefixLastTerm"/>
    /// the last word also matches as a prefix, for suggestions while someone is typing (a full search does
    /// not: expanding a prefix over 100,000 entries costs more than it helps). Null when nothing searchable is left.
    /// </summary>
    public static string? Build(string? text, bool prefixLastTerm = false, string columns = TextColumns)
    {
        var terms = Terms(text);
        if (terms.Count == 0) return null;
        var builder = new StringBuilder(columns).Append(" : (");
        for (var i = 0; i < terms.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            // A quoted string is always a plain phrase to FTS5; tokens hold only letters and digits.
            builder.Append('"').Append(terms[i]).Append('"');
            if (prefixLastTerm && i == terms.Count - 1 && terms[i].Length >= 2) builder.Append('*');
        }
        return builder.Append(')').ToString();
    }

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

using System.Globalization;
using System.Text;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>A match to be ranked: its title and summary are what the ranking reads.</summary>
internal sealed record SearchCandidate(long Id, string Title, string Summary);

/// <summary>
/// Orders the candidates of a search: each word found in the title weighs most, in the summary less, and a
/// word only in the body least (every candidate holds every word somewhere); equal scores go newest first.
/// </summary>
/// <remarks>
/// FTS5's bm25() was the ranking before. On first use in a statement it counts every row holding each word
/// (its inverse document frequency), walking the word's whole doclist: 5 to 25 ms for a word found in most of
/// 100,000 entries, whatever the number of candidates. Reading the candidates' titles and summaries instead
/// costs the same for any word, so the work per search follows the candidates, not the size of the index.
/// </remarks>
internal static class SearchRanking
{
    private const int TitleWeight = 10;
    private const int SummaryWeight = 4;

    public static IReadOnlyList<long> Order(IReadOnlyList<string> terms, IReadOnlyList<SearchCandidate> candidates)
    {
        var folded = terms.Select(Fold).Distinct().ToArray();
        return candidates
            .Select(c => (c.Id, Score: TitleWeight * CountFound(folded, c.Title) + SummaryWeight * CountFound(folded, c.Summary)))
            .OrderByDescending(c => c.Score).ThenByDescending(c => c.Id)
            .Select(c => c.Id)
            .ToList();
    }

    /// <summary>How many of the terms are words of the text, read as the index's tokenizer reads it.</summary>
    private static int CountFound(string[] terms, string text)
    {
        if (text.Length == 0) return 0;
        // Most text is ASCII, where ignoring case is all the folding needed: no copy of it is made.
        var words = Ascii.IsValid(text) ? text : Fold(text);
        var found = 0;
        foreach (var term in terms)
            if (HoldsWord(words, term)) found++;
        return found;
    }

    private static bool HoldsWord(ReadOnlySpan<char> text, string word)
    {
        for (var start = 0; start <= text.Length - word.Length;)
        {
            var found = text[start..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
            if (found < 0) return false;
            var at = start + found;
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
                return true;
            start = at + 1;
        }
        return false;
    }

    /// <summary>Lower case without diacritics, as the unicode61 tokenizer with remove_diacritics folds text.</summary>
    private static string Fold(string text)
    {
        if (Ascii.IsValid(text)) return text.ToLowerInvariant();
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }
}

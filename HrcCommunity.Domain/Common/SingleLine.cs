namespace HrcCommunity.Domain.Common;

public static class SingleLine
{
    /// <summary>
    /// The text with control characters and line or paragraph separators made spaces, trimmed: for short fields
    /// (titles, names) that are shown on one line and must never carry a line break into a mail header or a log.
    /// </summary>
    public static string? Clean(string? text) =>
        text is null ? null
            : string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                    span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
            }).Trim();
}

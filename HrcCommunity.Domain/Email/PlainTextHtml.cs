using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace HrcCommunity.Domain.Email;

/// <summary>
/// The HTML part of an email a feature wrote as plain text: the same words, escaped, in paragraphs, with its web
/// addresses as links. Every message then offers both parts while the features' templates stay text in their
/// resource files, and no user text can become markup.
/// </summary>
public static partial class PlainTextHtml
{
    public static string From(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">");
        foreach (var paragraph in ParagraphBreak().Split(text.Replace("\r\n", "\n").Trim()))
        {
            html.Append("<p>");
            var lines = paragraph.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0) html.Append("<br>");
                AppendLinked(html, lines[i]);
            }
            html.Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static void AppendLinked(StringBuilder html, string line)
    {
        var last = 0;
        foreach (Match url in WebAddress().Matches(line))
        {
            html.Append(WebUtility.HtmlEncode(line[last..url.Index]));
            var encoded = WebUtility.HtmlEncode(url.Value);
            html.Append("<a href=\"").Append(encoded).Append("\">").Append(encoded).Append("</a>");
            last = url.Index + url.Length;
        }
        html.Append(WebUtility.HtmlEncode(line[last..]));
    }

    [GeneratedRegex(@"\n(?:[ \t]*\n)+")]
    private static partial Regex ParagraphBreak();

    // A sentence's closing punctuation after an address is not part of it.
    [GeneratedRegex(@"https?://[^\s<>""]*[^\s<>"".,;:!?)\]]", RegexOptions.IgnoreCase)]
    private static partial Regex WebAddress();
}

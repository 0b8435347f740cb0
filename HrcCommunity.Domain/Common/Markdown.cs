using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace HrcCommunity.Domain.Common;

/// <summary>
/// The one way user text becomes HTML: raw HTML is escaped, and links or images whose scheme
/// could run script are defused, because no HTML sanitizer package is available to us.
/// </summary>
public static class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .Build();

    public static string ToHtml(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var document = Markdig.Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!SafeUrl.IsSafeLink(link.Url)) link.Url = "#unsafe-link-removed";
        }
        foreach (var autolink in document.Descendants<AutolinkInline>())
        {
            if (!autolink.IsEmail && !SafeUrl.IsSafeLink(autolink.Url)) autolink.Url = "#unsafe-link-removed";
        }
        return document.ToHtml(Pipeline);
    }

    /// <summary>Plain text for search indexes, feeds and summaries.</summary>
    public static string ToPlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdig.Markdown.ToPlainText(markdown, Pipeline).Trim();
}

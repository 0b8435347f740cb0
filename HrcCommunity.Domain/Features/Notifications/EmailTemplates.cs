using System.Globalization;
using System.Net;
using System.Resources;
using System.Text;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>
/// The wording of the emails the platform writes, from EmailTemplates.resx (translated like the UI's resource files),
/// and one layout that turns it into both a plain-text and an HTML body, so the two never say different things.
/// </summary>
public static class EmailTemplates
{
    private static readonly EmailText Resources = new(typeof(EmailTemplates));

    public static string Text(string key, params object[] args) => Resources.Text(key, args);

    /// <summary>"45 minutes", "1 hour", "3 hours", "2 days": how long before the start a reminder goes out.</summary>
    public static string Duration(int minutes) => minutes switch
    {
        _ when minutes % (24 * 60) == 0 => minutes == 24 * 60 ? Text("DurationOneDay") : Text("DurationDays", minutes / (24 * 60)),
        _ when minutes % 60 == 0 => minutes == 60 ? Text("DurationOneHour") : Text("DurationHours", minutes / 60),
        _ => Text("DurationMinutes", minutes),
    };
}

/// <summary>
/// One feature's email wording, from the .resx file of the same name and folder as <paramref name="anchor"/>, so each
/// feature keeps its emails beside its code and translators find them all as resource files.
/// </summary>
public sealed class EmailText(Type anchor)
{
    private readonly ResourceManager _resources = new(anchor);

    public string Text(string key, params object[] args)
    {
        var format = _resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new InvalidOperationException($"No email text '{key}'.");
        return args.Length == 0 ? format : string.Format(CultureInfo.CurrentCulture, format, args);
    }
}

/// <summary>An email as paragraphs, quotes and links, written once and rendered as text and as HTML.</summary>
public sealed class EmailBody
{
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new("<!DOCTYPE html><html><body style=\"font-family:sans-serif;line-height:1.5\">");

    public EmailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(Encode(text)).Append("</p>");
        return this;
    }

    public EmailBody Quote(string text)
    {
        foreach (var line in text.Split('\n')) _text.Append("> ").Append(line.TrimEnd('\r')).Append('\n');
        _text.Append('\n');
        _html.Append("<blockquote style=\"border-left:3px solid #888;margin:0;padding-left:1em\">").Append(Encode(text)).Append("</blockquote>");
        return this;
    }

    public EmailBody Link(string label, string url)
    {
        _text.Append(label).Append(": ").Append(url).Append("\n\n");
        _html.Append("<p><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(Encode(label)).Append("</a></p>");
        return this;
    }

    /// <summary>A list under a heading, each item a linked title.</summary>
    public EmailBody Section(string heading, IEnumerable<(string Title, string Url)> items)
    {
        _text.Append(heading).Append('\n');
        _html.Append("<h2 style=\"font-size:1.1em\">").Append(Encode(heading)).Append("</h2><ul>");
        foreach (var (title, url) in items)
        {
            _text.Append("- ").Append(title).Append(": ").Append(url).Append('\n');
            _html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(url)).Append("\">").Append(Encode(title)).Append("</a></li>");
        }
        _text.Append('\n');
        _html.Append("</ul>");
        return this;
    }

    public string PlainText => _text.ToString().TrimEnd('\n') + "\n";

    public string Html => _html + "</body></html>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text).Replace("\n", "<br>");
}

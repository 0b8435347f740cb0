using System.Text.RegularExpressions;
using MimeKit;

namespace HrcCommunity.Domain.Email;

/// <summary>
/// Turns an outbox row into a MIME message. Every header is set through MimeKit, never as text,
/// so a subject or name that came from a form cannot start a header of its own.
/// </summary>
public static partial class OutboxMessageBuilder
{
    public const string CategoryHeader = "X-Hrc-Category";

    public static MimeMessage Build(OutboxEmail email, EmailOptions options)
    {
        var from = Mailbox(options.From);
        var message = new MimeMessage
        {
            Subject = HeaderText(email.Subject),
            Date = new DateTimeOffset(DateTime.SpecifyKind(email.CreatedAt, DateTimeKind.Utc)),
            // Derived from the row, not random: a retry after a lost reply carries the same id, so receivers can drop the duplicate.
            MessageId = $"outbox-{email.Id}-{email.CreatedAt:yyyyMMddHHmmss}@{from.Domain}",
            Body = Body(email),
        };
        message.From.Add(from);
        message.To.Add(Mailbox(email.To));
        message.Headers.Add(CategoryHeader, HeaderText(email.Category));
        if (email.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" to the address, with no page and no sign-in.
            message.Headers.Add(HeaderId.ListUnsubscribe, $"<{HeaderText(unsubscribe)}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    /// <summary>Control characters (CR and LF above all) become one space; MimeKit encodes what is not ASCII.</summary>
    public static string HeaderText(string value) => ControlCharacters().Replace(value, " ").Trim();

    /// <summary>Exactly one mailbox: a list or a group throws a ParseException rather than reaching more people.</summary>
    private static MailboxAddress Mailbox(string text)
    {
        var parsed = MailboxAddress.Parse(text);
        return new MailboxAddress(HeaderText(parsed.Name ?? ""), parsed.Address);
    }

    /// <summary>Text and HTML always: a feature that wrote only text gets its words as HTML too.</summary>
    private static MimeEntity Body(OutboxEmail email) =>
        new MultipartAlternative
        {
            new TextPart("plain") { Text = email.TextBody },
            new TextPart("html") { Text = email.HtmlBody ?? PlainTextHtml.From(email.TextBody) },
        };

    [GeneratedRegex(@"\p{Cc}+")]
    private static partial Regex ControlCharacters();
}

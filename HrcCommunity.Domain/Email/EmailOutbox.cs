using HrcCommunity.Domain.Data;

namespace HrcCommunity.Domain.Email;

public static class EmailOutbox
{
    /// <summary>
    /// Adds an email to the context's pending changes; it is written by the caller's own
    /// SaveChangesAsync, together with the change that caused it.
    /// </summary>
    public static void Enqueue(this HrcDbContext db, TimeProvider clock, string to, string subject, string textBody, string category) =>
        db.Enqueue(clock, to, subject, textBody, category, unsubscribeUrl: null);

    /// <param name="unsubscribeUrl">For mail the person subscribed to: sent as the one-click List-Unsubscribe address.</param>
    public static void Enqueue(this HrcDbContext db, TimeProvider clock, string to, string subject, string textBody, string category,
        string? unsubscribeUrl) =>
        db.Enqueue(clock, to, subject, textBody, htmlBody: null, category, unsubscribeUrl);

    /// <param name="htmlBody">Sent beside the text body as multipart/alternative; both come from the same template.</param>
    public static void Enqueue(this HrcDbContext db, TimeProvider clock, string to, string subject, string textBody, string? htmlBody,
        string category, string? unsubscribeUrl)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.OutboxEmails.Add(new OutboxEmail
        {
            To = to,
            Subject = subject.Length > 200 ? subject[..200] : subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            Category = category,
            UnsubscribeUrl = unsubscribeUrl,
            CreatedAt = now,
            NextAttemptAt = now,
        });
    }
}

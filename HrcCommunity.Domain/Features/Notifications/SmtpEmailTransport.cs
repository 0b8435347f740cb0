using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

public sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var settings = options.Value;
        using var client = new SmtpClient(settings.SmtpHost, settings.SmtpPort) { EnableSsl = settings.SmtpUseTls };
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            client.Credentials = new NetworkCredential(settings.SmtpUser, settings.SmtpPassword);
        using var message = new MailMessage(settings.From, email.To, email.Subject, email.TextBody);
        await client.SendMailAsync(message, ct);
    }
}

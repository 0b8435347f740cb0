using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Email;

/// <summary>Delivers over SMTP with MailKit; any failure throws, so the outbox keeps the email and retries it.</summary>
public sealed class SmtpEmailTransport(IOptions<EmailOptions> options, ILogger<SmtpEmailTransport> logger) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var settings = options.Value;
        var host = settings.SmtpHost ?? throw new InvalidOperationException($"{EmailOptions.Section}:SmtpHost is not set.");
        var message = OutboxMessageBuilder.Build(email, settings);
        using var client = new SmtpClient { Timeout = (int)settings.SmtpTimeout.TotalMilliseconds };
        await client.ConnectAsync(host, settings.SmtpPort, settings.SmtpSecurity, ct);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The server has accepted the message: failing now would send it a second time.
            logger.LogWarning(ex, "SMTP QUIT failed after email {Id} was accepted", email.Id);
        }
    }
}

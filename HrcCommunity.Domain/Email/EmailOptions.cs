using MailKit.Security;

namespace HrcCommunity.Domain.Email;

public sealed class EmailOptions
{
    public const string Section = "Hrc:Email";

    public string From { get; set; } = "HrcCommunity <no-reply@hrc-community.local>";
    /// <summary>Empty: messages are written as .eml files to the outbox folder under the data folder.</summary>
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    /// <summary>Auto: TLS from the start on port 465, otherwise STARTTLS when the server offers it.</summary>
    public SecureSocketOptions SmtpSecurity { get; set; } = SecureSocketOptions.Auto;
    /// <summary>For each network step (connect, each command); a server that hangs fails the attempt, which is retried later.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(30);
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    /// <summary>The site's public address, for links in emails.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

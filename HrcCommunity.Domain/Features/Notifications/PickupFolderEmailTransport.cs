using System.Text;
using HrcCommunity.Domain.Data;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Features.Notifications;

/// <summary>Delivers into a folder as .eml files: the default until an SMTP server is configured.</summary>
public sealed class PickupFolderEmailTransport(DataFolder dataFolder, IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        Directory.CreateDirectory(dataFolder.OutboxPath);
        var file = Path.Combine(dataFolder.OutboxPath, $"{email.CreatedAt:yyyyMMdd-HHmmss}-{email.Id:D6}.eml");
        var text = new StringBuilder()
            .Append("From: ").AppendLine(options.Value.From)
            .Append("To: ").AppendLine(email.To)
            .Append("Subject: ").AppendLine(email.Subject)
            .Append("X-Hrc-Category: ").AppendLine(email.Category)
            .AppendLine("Content-Type: text/plain; charset=utf-8")
            .AppendLine()
            .Append(email.TextBody)
            .ToString();
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, text, Encoding.UTF8, ct);
        File.Move(temp, file, overwrite: true);
    }
}

using HrcCommunity.Domain.Data;
using Microsoft.Extensions.Options;

namespace HrcCommunity.Domain.Email;

/// <summary>Delivers into a folder as .eml files: the default until an SMTP server is configured.</summary>
public sealed class PickupFolderEmailTransport(DataFolder dataFolder, IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(OutboxEmail email, CancellationToken ct)
    {
        var message = OutboxMessageBuilder.Build(email, options.Value);
        Directory.CreateDirectory(dataFolder.OutboxPath);
        var file = Path.Combine(dataFolder.OutboxPath, $"{email.CreatedAt:yyyyMMdd-HHmmss}-{email.Id:D6}.eml");
        // Written aside and moved in, so a reader of the folder never sees half a message.
        var temp = file + ".tmp";
        await using (var stream = File.Create(temp))
            await message.WriteToAsync(stream, ct);
        File.Move(temp, file, overwrite: true);
    }
}

using System.Text.RegularExpressions;
using MimeKit;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>Reads the .eml files the app writes to its data folder's outbox, as a person reads their mail.</summary>
public static partial class OutboxFiles
{
    /// <summary>
    /// The text of the first email to <paramref name="to"/> whose subject or text contains <paramref name="containing"/>.
    /// Parsed, not searched as raw text: MimeKit folds long headers and may encode bodies.
    /// </summary>
    /// <param name="within">15 s unless the email waits on a background job's own polling.</param>
    public static async Task<string> WaitForAsync(string outboxFolder, string to, string containing, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(outboxFolder))
            {
                foreach (var file in Directory.GetFiles(outboxFolder, "*.eml"))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    var text = $"{message.Subject}\n{message.TextBody}";
                    if (message.To.Mailboxes.Any(m => m.Address.Equals(to, StringComparison.OrdinalIgnoreCase))
                        && text.Contains(containing, StringComparison.Ordinal)) return text;
                }
            }
            // The outbox dispatcher polls every 200 ms in tests; check again shortly.
            await Task.Delay(200);
        }
        throw new TimeoutException($"No email to {to} containing \"{containing}\" reached {outboxFolder}.");
    }

    /// <summary>The path and query of the first link in the email whose path starts so, to open on the test's own host.</summary>
    public static string LinkPath(string email, string pathStart) =>
        Links().Matches(email).Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.StartsWith(pathStart, StringComparison.Ordinal)).PathAndQuery;

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Links();
}

using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Email;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HrcCommunity.Tests.Email;

public sealed class PickupFolderTransportTests : IDisposable
{
    private readonly DataFolder _dataFolder = new(RepoPaths.NewTempFolder("pickup"));

    [Fact]
    public async Task Send_WritesAnEmlFileThatParsesBackWithHeadersAndBody()
    {
        await SendAsync(new OutboxEmail { Id = 7, To = "a@example.org", Subject = "Hi", TextBody = "Body text", Category = "test/file", CreatedAt = DateTime.UtcNow });

        var message = LoadSingle();
        Assert.Equal("a@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("HrcCommunity", Assert.Single(message.From.Mailboxes).Name);
        Assert.Equal("Hi", message.Subject);
        Assert.Equal("test/file", message.Headers[OutboxMessageBuilder.CategoryHeader]);
        Assert.False(string.IsNullOrEmpty(message.MessageId));
        Assert.Equal("Body text", message.TextBody?.TrimEnd());
        Assert.Contains("<p>Body text</p>", message.HtmlBody);
        Assert.Empty(Directory.GetFiles(_dataFolder.OutboxPath, "*.tmp"));
    }

    [Fact]
    public async Task Send_WhenSubjectAndDisplayNameCarryLineBreaks_EachStaysOneHeaderAndNoRecipientIsAdded()
    {
        const string injection = "Hello\r\nBcc: victim@example.org";
        var options = new EmailOptions { From = "\"Hrc\r\nBcc: victim@example.org\" <no-reply@example.org>" };

        await SendAsync(new OutboxEmail { Id = 1, To = "\"Asker\nCc: victim@example.org\" <asker@example.org>", Subject = injection, TextBody = "Body", Category = "test\r\nX-Evil: 1", CreatedAt = DateTime.UtcNow }, options);

        var message = LoadSingle();
        Assert.Single(message.Headers, h => h.Id == HeaderId.Subject);
        Assert.Single(message.Headers, h => h.Id == HeaderId.From);
        Assert.Single(message.Headers, h => h.Id == HeaderId.To);
        Assert.DoesNotContain(message.Headers, h => h.Id is HeaderId.Bcc or HeaderId.Cc || h.Field == "X-Evil");
        Assert.Equal("asker@example.org", Assert.Single(message.GetRecipients()).Address);
        Assert.Equal("Hello Bcc: victim@example.org", message.Subject);
        Assert.DoesNotContain('\n', Assert.Single(message.From.Mailboxes).Name ?? "");
        Assert.DoesNotContain('\n', Assert.Single(message.To.Mailboxes).Name ?? "");
    }

    [Fact]
    public async Task Send_WhenTheRecipientIsAList_RefusesItAndWritesNothing()
    {
        var email = new OutboxEmail { Id = 2, To = "asker@example.org, victim@example.org", Subject = "Hi", TextBody = "Body", Category = "test/list", CreatedAt = DateTime.UtcNow };

        await Assert.ThrowsAsync<ParseException>(() => SendAsync(email));

        Assert.False(Directory.Exists(_dataFolder.OutboxPath) && Directory.EnumerateFileSystemEntries(_dataFolder.OutboxPath).Any());
    }

    [Fact]
    public async Task Send_EncodesNonAsciiHeadersAndAddsTheHtmlAlternative()
    {
        await SendAsync(new OutboxEmail { Id = 3, To = "Jürgen Öz <j@example.org>", Subject = "Grüße aus Graz – Menschenrechte", TextBody = "Text", HtmlBody = "<p>Html</p>", Category = "test/i18n", CreatedAt = DateTime.UtcNow });

        var file = Assert.Single(Directory.GetFiles(_dataFolder.OutboxPath, "*.eml"));
        var headers = (await File.ReadAllTextAsync(file)).Split("\r\n\r\n")[0];
        Assert.True(headers.All(char.IsAscii), headers);
        var message = LoadSingle();
        Assert.Equal("Grüße aus Graz – Menschenrechte", message.Subject);
        Assert.Equal("Jürgen Öz", Assert.Single(message.To.Mailboxes).Name);
        Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal("Text", message.TextBody?.TrimEnd());
        Assert.Equal("<p>Html</p>", message.HtmlBody?.TrimEnd());
    }

    private Task SendAsync(OutboxEmail email, EmailOptions? options = null) =>
        new PickupFolderEmailTransport(_dataFolder, Options.Create(options ?? new EmailOptions())).SendAsync(email, CancellationToken.None);

    private MimeMessage LoadSingle() => MimeMessage.Load(Assert.Single(Directory.GetFiles(_dataFolder.OutboxPath, "*.eml")));

    public void Dispose()
    {
        try { Directory.Delete(_dataFolder.Path, recursive: true); } catch (IOException) { }
    }
}

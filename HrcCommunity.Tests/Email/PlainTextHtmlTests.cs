using HrcCommunity.Domain.Email;

namespace HrcCommunity.Tests.Email;

public sealed class PlainTextHtmlTests
{
    [Fact]
    public void Paragraphs_AndLines_KeepTheirShape()
    {
        var html = PlainTextHtml.From("Hello Ada,\r\n\r\nYour account is approved.\nWelcome.\n\n  \nThe network");

        Assert.Contains("<p>Hello Ada,</p><p>Your account is approved.<br>Welcome.</p><p>The network</p>", html);
    }

    [Fact]
    public void UserText_IsEscaped_NeverMarkup()
    {
        var html = PlainTextHtml.From("Question: <script>alert(1)</script> & \"quotes\"");

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", html);
    }

    [Theory]
    [InlineData("Open https://hrc.example/events/7.", "https://hrc.example/events/7")]
    [InlineData("(see http://hrc.example/a?b=1&c=2)", "http://hrc.example/a?b=1&amp;c=2")]
    public void WebAddresses_BecomeLinks_WithoutTheSentencesPunctuation(string text, string href)
    {
        Assert.Contains($"<a href=\"{href}\">{href}</a>", PlainTextHtml.From(text));
    }

    [Fact]
    public void OnlyWebAddresses_BecomeLinks()
    {
        var html = PlainTextHtml.From("javascript:alert(1) and mailto:someone@example.org stay text");

        Assert.DoesNotContain("<a ", html);
    }
}

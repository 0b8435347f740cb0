using HrcCommunity.Domain.Common;

namespace HrcCommunity.Tests.Features.Common;

public sealed class MarkdownTests
{
    public static TheoryData<string> XssCorpus() => new()
    {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1))",
        "[click](java\tscript:alert(1))",
        "![x](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](vbscript:msgbox(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(1)>",
        "<javascript:alert(1)>",
        "[x][ref]\n\n[ref]: javascript:alert(1)",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
    };

    [Theory]
    [MemberData(nameof(XssCorpus))]
    public void ToHtml_RendersHostileInputInert(string hostile)
    {
        var html = Markdown.ToHtml(hostile).ToLowerInvariant();

        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img src=\"x\" onerror", html);
        Assert.DoesNotContain("<iframe", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain("<div style", html);
        Assert.DoesNotContain("href=\"javascript:", html);
        Assert.DoesNotContain("src=\"javascript:", html);
        Assert.DoesNotContain("href=\"data:", html);
        Assert.DoesNotContain("href=\"vbscript:", html);
        Assert.DoesNotContain("href=\"java\tscript:", html);
    }

    [Fact]
    public void ToHtml_KeepsOrdinaryMarkdownAndSafeLinks()
    {
        var html = Markdown.ToHtml("## Housing\n\nSee [the charter](https://example.org/charter) and [contact](mailto:a@example.org).");

        Assert.Contains("<h2", html);
        Assert.Contains("href=\"https://example.org/charter\"", html);
        Assert.Contains("href=\"mailto:a@example.org\"", html);
    }
}

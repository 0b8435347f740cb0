using Bunit;
using HrcCommunity.Domain.Common;
using HrcCommunity.Web.Components.Shared;
using Microsoft.AspNetCore.Http;

namespace HrcCommunity.Tests.Features.Common;

public sealed class SharedComponentTests
{
    [Fact]
    public async Task ErrorSummary_WithNoMessageAndNoErrors_RendersNothing()
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<ErrorSummary>();

        Assert.Empty(cut.Markup.Trim());
    }

    [Fact]
    public async Task ErrorSummary_ListsTheMessageAndEveryFieldsErrors_InOneAlert()
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<ErrorSummary>(p => p
            .Add(x => x.Message, "The item was not saved.")
            .Add(x => x.Errors, new Dictionary<string, string[]>
            {
                ["Title"] = ["Give a title.", "A title has at most 150 characters."],
                ["Url"] = ["Only http and https addresses."],
            }));

        var alert = cut.Find("[role=alert]");
        Assert.Equal("The item was not saved.", alert.QuerySelector("p")?.TextContent);
        Assert.Equal(["Give a title.", "A title has at most 150 characters.", "Only http and https addresses."],
            alert.QuerySelectorAll("li").Select(li => li.TextContent));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    public async Task MarkdownView_OfHostileMarkdown_HasNoScriptFrameHandlerOrScriptLink(string hostile)
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<MarkdownView>(p => p.Add(x => x.Html, Markdown.ToHtml(hostile)));

        Assert.Empty(cut.FindAll("script, iframe, img[onerror]"));
        Assert.DoesNotContain(cut.FindAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(cut.FindAll("a[href]"), a => a.GetAttribute("href")!.Contains("javascript", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task MarkdownView_RendersTheMarkdownsOwnMarkup()
    {
        await using var ctx = new BunitContext();

        var cut = ctx.Render<MarkdownView>(p => p.Add(x => x.Html, Markdown.ToHtml("Read **this** [guide](https://example.org/guide).")));

        Assert.Equal("this", cut.Find(".markdown strong").TextContent);
        Assert.Equal("https://example.org/guide", cut.Find(".markdown a").GetAttribute("href"));
    }

    [Fact]
    public async Task NotFoundStatus_DuringAStaticRender_SetsThe404()
    {
        await using var ctx = new BunitContext();
        var http = new DefaultHttpContext();

        ctx.Render<NotFoundStatus>(p => p.AddCascadingValue(http));

        Assert.Equal(StatusCodes.Status404NotFound, http.Response.StatusCode);
    }
}

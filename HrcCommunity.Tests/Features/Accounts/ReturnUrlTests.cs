using HrcCommunity.Web.Features.Accounts;

namespace HrcCommunity.Tests.Features.Accounts;

public sealed class ReturnUrlTests
{
    public static TheoryData<string?> EvilInputs() =>
    [
        null, "", "https://evil.example", "http:/evil.example", "//evil.example", "///evil.example", "/\\evil.example",
        "\\\\evil.example", "\\/evil.example", "/%2F/evil.example", "/%2f/evil.example", "/%5C/evil.example", "/%5cevil.example",
        "/%252F/evil.example", "/%25252F%25252Fevil.example", "/\t/evil.example", "/%09/evil.example", "/\r\nLocation: https://evil.example",
        "/%0D%0ALocation:%20https://evil.example", "/\0", "~/knowledge", "~//evil.example", "javascript:alert(1)", "evil.example",
        " /knowledge",
    ];

    [Theory]
    [MemberData(nameof(EvilInputs))]
    public void SafeReturnUrl_RefusesAnythingButALocalPath(string? returnUrl) =>
        Assert.Equal("/", AccountEndpoints.SafeReturnUrl(returnUrl));

    [Theory]
    [InlineData("/")]
    [InlineData("/knowledge")]
    [InlineData("/search?q=housing%20rights&kind=news")]
    [InlineData("/knowledge/a-b#part")]
    public void SafeReturnUrl_KeepsALocalPath(string returnUrl) =>
        Assert.Equal(returnUrl, AccountEndpoints.SafeReturnUrl(returnUrl));
}

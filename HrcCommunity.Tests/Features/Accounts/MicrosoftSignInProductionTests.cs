using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Accounts;

/// <summary>Microsoft sign-in beside the Production cookie rules, not only Development's.</summary>
public sealed class MicrosoftSignInProductionTests(ProductionMicrosoftSignInHost entra) : IClassFixture<ProductionMicrosoftSignInHost>
{
    [Fact]
    public async Task OutsideDevelopment_AMicrosoftSignIn_EndsInTheSecureHostPrefixedSessionCookie()
    {
        var account = StubAccount.New($"{Guid.NewGuid():N}@city.example.org");
        var client = entra.NewClient();

        var signedIn = await entra.SignInWithMicrosoftAsync(client, account);

        Assert.Equal("/account/pending", signedIn.Headers.Location!.ToString());
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-hrc.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", session, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Your account is awaiting approval", await client.GetStringAsync("/account/pending"));
    }
}

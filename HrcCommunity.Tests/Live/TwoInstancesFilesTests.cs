using System.Net;
using System.Text.RegularExpressions;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Live;

/// <summary>The files one instance writes (personal data archives) are there for the other, through the shared storage.</summary>
[Collection(TwoInstancesCollection.Name)]
public sealed partial class TwoInstancesFilesTests(TwoInstances instances)
{
    [Fact]
    public async Task APersonalDataArchive_BuiltByEitherInstance_DownloadsFromBoth()
    {
        var email = PersonaAccounts.EmailOf(Persona.Practitioner);
        var onA = await SignedInClientAsync(instances.A);
        var onB = await SignedInClientAsync(instances.B);
        var requested = await AppHost.PostFormAsync(onA, "/account/data", "export", new Dictionary<string, string>());
        Assert.Contains("We are preparing your archive", await requested.Content.ReadAsStringAsync());

        var deadline = DateTime.UtcNow.AddSeconds(90);
        string? path = null;
        while (path is null)
        {
            // Built by a background job on whichever instance took it, and announced by email.
            var mail = instances.Smtp.Messages().LastOrDefault(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase)
                && ArchiveLink().IsMatch(m.TextBody ?? ""));
            if (mail is not null) path = ArchiveLink().Match(mail.TextBody!).Value;
            else if (DateTime.UtcNow > deadline) throw new TimeoutException($"No archive link was emailed. A said:\n{instances.A.Output}\nB said:\n{instances.B.Output}");
            else await Task.Delay(100);
        }

        foreach (var client in new[] { onA, onB })
        {
            using var archive = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
            Assert.Equal("PK"u8.ToArray(), (await archive.Content.ReadAsByteArrayAsync())[..2]);
        }
    }

    private static async Task<HttpClient> SignedInClientAsync(AppProcess app)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        await AppHost.SignInAsync(client, PersonaAccounts.EmailOf(Persona.Practitioner), PersonaAccounts.Password);
        return client;
    }

    [GeneratedRegex("/account/data/[0-9a-f]+")]
    private static partial Regex ArchiveLink();
}

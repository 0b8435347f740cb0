using System.Net;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class AuthorizationMatrixTests(AppHost app)
{
    public static TheoryData<RouteExpectation, Persona> Cases()
    {
        var data = new TheoryData<RouteExpectation, Persona>();
        foreach (var route in RouteCatalog.All)
            foreach (var persona in Enum.GetValues<Persona>())
                data.Add(route, persona);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Route_AnswersEachPersonaAsItsAccessRequires(RouteExpectation route, Persona persona)
    {
        var response = route.Method == "GET"
            ? await (await app.ClientAsync(persona)).GetAsync(route.Path)
            : await PostAsync(route.Path, persona);

        Assert.Equal(route.ExpectedStatusFor(persona), (int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var location = new Uri(new Uri("http://localhost"), response.Headers.Location!).PathAndQuery;
            Assert.Equal(!route.Admits(persona), location.StartsWith("/account/signin", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// Posts as a browser would, with a token from a page; from a client of its own, because a post such as
    /// sign-out changes the session the shared persona clients keep.
    /// </summary>
    private async Task<HttpResponseMessage> PostAsync(string path, Persona persona)
    {
        var client = await app.SignInAsync(persona);
        var token = AppHost.AntiforgeryToken(await client.GetStringAsync("/account/signin"));
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public void Catalog_HasNoDuplicateRoutes()
    {
        var duplicates = RouteCatalog.All.GroupBy(r => (r.Method, r.Path)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}

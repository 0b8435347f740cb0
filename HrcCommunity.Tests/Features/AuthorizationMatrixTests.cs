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
        var client = await app.ClientAsync(persona);

        var response = await client.GetAsync(route.Path);

        Assert.Equal(route.ExpectedStatusFor(persona), (int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.Redirect)
            Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public void Catalog_HasNoDuplicateRoutes()
    {
        var duplicates = RouteCatalog.All.GroupBy(r => r.Path).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }
}

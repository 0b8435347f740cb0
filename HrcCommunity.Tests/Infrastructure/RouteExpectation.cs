namespace HrcCommunity.Tests.Infrastructure;

/// <summary>Who may open a route: each level admits everyone the next one does, and more.</summary>
public enum Access
{
    Public,
    SignedIn,
    Practitioner,
    Expert,
    Coordinator,
    Admin,
}

/// <summary>
/// One line of the authorization matrix: a route, the least access it needs, the method (a POST is sent as a form
/// with an antiforgery token) and what an admitted persona gets: 200 for pages, a redirect (not to sign-in) for form
/// endpoints, or the code an error page answers with. <paramref name="Refused"/> names personas the level would admit but
/// the route's own rule refuses (a workshop's board admits only those registered for the workshop).
/// </summary>
public sealed record RouteExpectation(string Path, Access Access, string Method = "GET", int AdmittedStatus = 200, Persona[]? Refused = null)
{
    public override string ToString() => Method == "GET" ? $"{Path} ({Access})" : $"{Method} {Path} ({Access})";

    /// <summary>The admitted status if the persona may use the route; else 302 to sign-in (anonymous) or 403.</summary>
    public int ExpectedStatusFor(Persona persona) => Admits(persona) ? AdmittedStatus : persona == Persona.Anonymous ? 302 : 403;

    public bool Admits(Persona persona) => Refused?.Contains(persona) != true && Access switch
    {
        Access.Public => true,
        Access.SignedIn => persona != Persona.Anonymous,
        Access.Practitioner => persona is Persona.Practitioner or Persona.Expert or Persona.Coordinator or Persona.Admin,
        Access.Expert => persona is Persona.Expert or Persona.Coordinator or Persona.Admin,
        Access.Coordinator => persona is Persona.Coordinator or Persona.Admin,
        Access.Admin => persona is Persona.Admin,
        _ => false,
    };
}

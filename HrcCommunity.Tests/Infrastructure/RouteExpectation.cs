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

/// <summary>One line of the authorization matrix: a route and the least access it needs.</summary>
public sealed record RouteExpectation(string Path, Access Access)
{
    public override string ToString() => $"{Path} ({Access})";

    /// <summary>200 if the persona may open the route; else 302 to sign-in (anonymous) or 403.</summary>
    public int ExpectedStatusFor(Persona persona) => Admits(persona) ? 200 : persona == Persona.Anonymous ? 302 : 403;

    public bool Admits(Persona persona) => Access switch
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

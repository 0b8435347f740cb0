using HrcCommunity.Domain.Features.Accounts;

namespace HrcCommunity.Tests.Infrastructure;

/// <summary>The people the authorization matrix and browser flows act as: the seeded demo users.</summary>
public enum Persona
{
    Anonymous,
    Pending,
    Practitioner,
    Expert,
    Coordinator,
    Admin,
}

public static class PersonaAccounts
{
    public static string EmailOf(Persona persona) => persona switch
    {
        Persona.Pending => "pending@demo.hrc.local",
        Persona.Practitioner => "practitioner@demo.hrc.local",
        Persona.Expert => "expert@demo.hrc.local",
        Persona.Coordinator => "coordinator@demo.hrc.local",
        Persona.Admin => "admin@demo.hrc.local",
        _ => throw new ArgumentOutOfRangeException(nameof(persona), "Anonymous has no account."),
    };

    public const string Password = DemoUsers.Password;
}

using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Events;

public static class EventsTestData
{
    /// <summary>A valid one-off event in Vienna's zone, days after the test clock's now; adjust with <c>with</c>.</summary>
    public static EventEdit Edit(string title = "Advisory councils compared", int capacity = 10, EventVisibility visibility = EventVisibility.Public) =>
        new(EventKind.InterCityDialogue, title, "1. **Graz**\n2. York", new DateTime(2026, 12, 10, 14, 0, 0), new DateTime(2026, 12, 10, 15, 30, 0),
            "Europe/Vienna", null, [], capacity, visibility, RegistrationMode.Open, "https://meet.example.org/room");

    public static async Task<int> CityIdAsync(SqliteDatabase db, string name)
    {
        await using var context = db.CreateDbContext();
        return await context.MemberCities.Where(c => c.Name == name).Select(c => c.Id).FirstAsync();
    }

    public static Task<Actor> CoordinatorAsync(SqliteDatabase db) => db.CreateUserAsync("Carla Coordinator", Roles.Coordinator);

    public static Task<Actor> PractitionerAsync(SqliteDatabase db, string name = "Pia Practitioner") => db.CreateUserAsync(name, Roles.Practitioner);

    /// <summary>A practitioner whose profile names the given city: the best slot counts cities from profiles.</summary>
    public static async Task<Actor> PractitionerInAsync(SqliteDatabase db, string name, string city)
    {
        var actor = await db.CreateUserAsync(name, Roles.Practitioner);
        await using var context = db.CreateDbContext();
        var user = await context.Users.FirstAsync(u => u.Id == actor.UserId);
        user.City = city;
        await context.SaveChangesAsync();
        return actor;
    }
}

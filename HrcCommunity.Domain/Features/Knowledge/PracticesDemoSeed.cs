using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Seeding;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Domain.Features.Knowledge;

/// <summary>Sample practices from member cities, shared by the demo practitioner: four published, one waiting for review.</summary>
public sealed class PracticesDemoSeed(TimeProvider clock) : ISeed
{
    public const string InReviewSlug = "utrecht-a-rights-check-for-new-local-policies";

    public int Order => 60;

    public bool IsDemoContent => true;

    public async Task SeedAsync(HrcDbContext db, CancellationToken ct)
    {
        if (await db.Practices.AnyAsync(ct)) return;
        var submitter = await db.Users.Where(u => u.Email == "practitioner@demo.hrc.local")
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (submitter is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var practices = new[]
        {
            Practice("graz-an-advisory-council-that-reviews-city-policy", "An advisory council that reviews city policy", "Graz", "2001 – today",
                "Declaring a human rights city is easy; keeping the commitment alive across elections and departments is not.",
                "Graz set up a standing human rights advisory council with members from the administration, civil society and academia. The council comments on municipal decisions and publishes a yearly report on the state of human rights in the city.",
                "The yearly report has become a fixed point in the city's political calendar, and departments now ask the council for advice before decisions rather than after.",
                "Give the council a clear mandate and its own secretariat; publish its findings even when they are uncomfortable.",
                "Office of the Human Rights Council, City of Graz – via the network secretariat",
                ["right-participation", "sdg-16", "city-accountable"], PracticeStatus.Published),
            Practice("vienna-a-human-rights-office-inside-the-administration", "A human rights office inside the administration", "Vienna", "2014 – today",
                "A large administration had many departments touching on rights but no one coordinating them.",
                "After its 2014 declaration Vienna created a dedicated human rights office. It trains staff, brings departments together and keeps a channel open to civil society organisations.",
                "Rights questions now have an address inside the city, and staff training reaches hundreds of employees a year.",
                "Place the office close to the top of the administration so that it can convene departments, and budget for training from the start.",
                "Human rights office, City of Vienna – via the network secretariat",
                ["right-non-discrimination", "sdg-16", "sdg-10"], PracticeStatus.Published),
            Practice("york-yearly-human-rights-indicator-reports", "Yearly human rights indicator reports", "York", "2017 – today",
                "Residents had no way to see whether the city's commitment to human rights changed anything in their lives.",
                "A partnership of the council, civil society and universities chose a small set of priority rights and publishes indicator reports on them every year, inviting residents to discuss the results.",
                "The reports give residents and councillors a shared set of facts, and have led to changes in how services for disabled residents are planned.",
                "Start with a few rights and indicators you can actually measure; involve residents in choosing them.",
                "York Human Rights City Network steering group – via the network secretariat",
                ["right-participation", "right-disability-rights", "sdg-11", "city-transparent"], PracticeStatus.Published),
            Practice("lund-a-systematic-approach-with-researchers", "A systematic approach with researchers", "Lund", "2019 – today",
                "As Sweden's first human rights city, Lund needed a way to make the commitment part of everyday municipal work.",
                "With direct support from the Raoul Wallenberg Institute, Lund maps each department's activities against national criteria for human rights cities and follows them up every year.",
                "Departments report on rights alongside their budgets, and researchers use Lund's experience to advise other Swedish municipalities.",
                "A research partner helps the city see its own work from the outside; keep the follow-up yearly and light.",
                "Human rights coordinator, City of Lund – via the network secretariat",
                ["sdg-16", "sdg-17", "right-participation"], PracticeStatus.Published),
            Practice(InReviewSlug, "A rights check for new local policies", "Utrecht", "2024 – today",
                "New local policies were drafted without asking how they affect the rights of the residents they touch.",
                "Policy advisers answer a short set of questions on rights before a proposal goes to the council, with help from the university's human rights researchers.",
                "The first policies drafted this way were adjusted for residents with low incomes before adoption.",
                "Keep the questions short, and offer advice rather than a formal test.",
                "Policy adviser for human rights, Municipality of Utrecht – via the network secretariat",
                ["right-non-discrimination", "sdg-10", "city-inclusive"], PracticeStatus.InReview),
        };
        foreach (var practice in practices)
        {
            practice.SubmitterId = submitter.Id;
            practice.SubmitterName = submitter.DisplayName;
            practice.SubmittedAt = practice.UpdatedAt = now;
            if (practice.Status == PracticeStatus.Published)
            {
                practice.PublishedAt = now;
                await PracticeService.IndexAsync(db, practice, clock, ct);
            }
            db.Practices.Add(practice);
        }
        await db.SaveChangesAsync(ct);
    }

    private static Practice Practice(string slug, string title, string city, string period, string problem, string approach,
        string results, string lessons, string contact, List<string> themes, PracticeStatus status) => new()
    {
        Slug = slug, Title = title, City = city, Period = period, Problem = problem, Approach = approach, Results = results,
        Lessons = lessons, Contact = contact, Themes = themes, Status = status, Version = 1,
    };
}

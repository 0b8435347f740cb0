using System.IO.Compression;
using System.Text.Json;
using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Privacy;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class PrivacyExportTests
{
    [Fact]
    public async Task Export_HoldsEveryKindOfRecordOfThePerson_AndNothingOfAnyoneElse()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ada = await PersonalDataSeed.SeedAsync(database, "Ada Privacyperson", "adamark", Roles.Practitioner, Roles.Expert);
        var bruno = await PersonalDataSeed.SeedAsync(database, "Bruno Otherperson", "brunomark", Roles.Practitioner, Roles.Expert);
        var exports = database.Get<PersonalDataExportService>();

        var id = await exports.RequestAsync(ada.Actor);
        var built = await exports.BuildAsync(id);
        using var zip = ZipFile.OpenRead(await exports.OpenAsync(ada.Actor, built.Token!));

        var json = await new StreamReader(zip.GetEntry("personal-data.json")!.Open()).ReadToEndAsync();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(ada.Email, root.GetProperty("profile").GetProperty("Email").GetString());
        Assert.Equal(["Expert", "Practitioner"], root.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order());
        Assert.Contains("adamark-review", root.GetProperty("approval").ToString());
        Assert.Equal("Weekly", root.GetProperty("notificationPreferences").GetProperty("digest").GetString());
        Assert.Equal("Microsoft", root.GetProperty("profile").GetProperty("externalSignIns")[0].GetProperty("LoginProvider").GetString());
        Assert.Equal(PersonalDataCollector.NoSignInHistory, root.GetProperty("signInEvents").GetString());
        Assert.Equal(2, root.GetProperty("questionsAsked").GetArrayLength());
        Assert.Contains("adamark-asked-by-email question body", json);
        Assert.Contains("adamark-answer text", root.GetProperty("answersWritten").ToString());
        Assert.Contains("adamark-note", root.GetProperty("questionNotesWritten").ToString());
        Assert.Equal(2, root.GetProperty("practicesSubmitted").GetArrayLength());
        Assert.Contains("adamark-comment", root.GetProperty("practiceComments").ToString());
        Assert.Equal(1, root.GetProperty("practicesMarkedUseful").GetArrayLength());
        Assert.Contains("adamark-correction", root.GetProperty("networkCorrectionsProposed").ToString());
        Assert.Contains("adamark-knowledge title", root.GetProperty("knowledgeItemsWritten").ToString());
        Assert.Contains("adamark-board-note", root.GetProperty("workshopBoards").GetProperty("notes").ToString());
        var dots = root.GetProperty("workshopBoards").GetProperty("dots").EnumerateArray().ToList();
        Assert.Equal(2, dots.Count);
        Assert.All(dots, d => Assert.Equal("adamark-board", d.GetProperty("Board").GetString()));
        Assert.Equal(2, dots.Select(d => d.GetProperty("NoteId").GetInt32()).Distinct().Count());
        Assert.Contains("adamark-draft", root.GetProperty("drafts").ToString());
        Assert.Contains("Welcome Ada Privacyperson", root.GetProperty("emailsSentToYou").ToString());
        var rooms = root.GetProperty("dialogueRooms");
        Assert.Equal(["adamark-room message", "adamark-room follow-up"], rooms.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("Text").GetString()));
        Assert.Equal(2, rooms.GetProperty("questions").GetArrayLength());
        Assert.Contains("adamark-anonymous room question", rooms.GetProperty("questions").ToString());
        Assert.Equal("heart", Assert.Single(rooms.GetProperty("reactions").EnumerateArray()).GetProperty("Reaction").GetString());
        Assert.Single(rooms.GetProperty("upvotes").EnumerateArray());
        Assert.Equal("Ada Privacyperson", Assert.Single(rooms.GetProperty("raisedHands").EnumerateArray()).GetProperty("Name").GetString());
        Assert.Single(rooms.GetProperty("floorHeld").EnumerateArray());
        Assert.Equal("adamark-dialogue", Assert.Single(rooms.GetProperty("mutedIn").EnumerateArray()).GetString());
        Assert.Single(rooms.GetProperty("readUpTo").EnumerateArray());
        var file = Assert.Single(zip.Entries, e => e.FullName.StartsWith("files/", StringComparison.Ordinal));
        Assert.Equal("adamark-file-content", await new StreamReader(file.Open()).ReadToEndAsync());

        // Bruno's records, and the name of the person whose question Ada answered, are nowhere in Ada's archive.
        foreach (var entry in zip.Entries)
        {
            var text = await new StreamReader(entry.Open()).ReadToEndAsync();
            Assert.DoesNotContain("brunomark", text);
            Assert.DoesNotContain(bruno.Email, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(bruno.Name, text);
            Assert.DoesNotContain(PersonalDataSeed.OtherAsker, text);
            Assert.DoesNotContain("asker-adamark", text);
            Assert.DoesNotContain(PersonalDataSeed.RoomOrganiserReply, text);
            Assert.DoesNotContain(PersonalDataSeed.OtherBoardNote, text);
            Assert.DoesNotContain(PersonalDataSeed.OtherBoardAuthor, text);
        }
    }

    [Fact]
    public async Task Build_RunTwice_EmailsOneLink_AndTheLinkOpensOnlyForItsOwner_UntilItExpires()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ada = await PersonalDataSeed.SeedAsync(database, "Ada Privacyperson", "adamark", Roles.Practitioner);
        var bruno = await database.CreateUserAsync("Bruno Otherperson", Roles.Practitioner);
        var exports = database.Get<PersonalDataExportService>();

        var id = await exports.RequestAsync(ada.Actor);
        var token = (await exports.BuildAsync(id)).Token!;
        Assert.Null((await exports.BuildAsync(id)).Token);
        await using (var db = database.CreateDbContext())
            Assert.Equal(1, db.OutboxEmails.Count(e => e.To == ada.Email && e.Category == "privacy/export-ready" && e.TextBody.Contains(token)));

        await Assert.ThrowsAsync<NotFoundException>(() => exports.OpenAsync(bruno, token));
        await Assert.ThrowsAsync<NotFoundException>(() => exports.OpenAsync(Actor.Anonymous, token));
        var path = await exports.OpenAsync(ada.Actor, token);

        database.Clock.Advance(TimeSpan.FromDays(3));
        await Assert.ThrowsAsync<NotFoundException>(() => exports.OpenAsync(ada.Actor, token));
        Assert.Equal(1, (await database.Get<RetentionService>().PurgeAsync()).ExpiredExports);
        Assert.False(File.Exists(path));
    }
}

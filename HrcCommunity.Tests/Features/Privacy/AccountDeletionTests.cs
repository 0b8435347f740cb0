using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Knowledge;
using HrcCommunity.Domain.Features.Privacy;
using HrcCommunity.Tests.Infrastructure;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HrcCommunity.Tests.Features.Privacy;

[Trait(DatabaseTests.Category, DatabaseTests.Domain)]
public sealed class AccountDeletionTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Delete_LeavesTheEmailNameAndIdNowhereInTheDatabase(bool keepContributions)
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ada = await PersonalDataSeed.SeedAsync(database, "Ada Privacyperson", "adamark", Roles.Practitioner, Roles.Expert);
        var bruno = await PersonalDataSeed.SeedAsync(database, "Bruno Otherperson", "brunomark", Roles.Practitioner);
        var exports = database.Get<PersonalDataExportService>();
        var archive = await exports.OpenAsync(ada.Actor, (await exports.BuildAsync(await exports.RequestAsync(ada.Actor))).Token!);

        await DeleteAsync(database, ada.Actor, new DeletionRequest(ada.Password, keepContributions));

        foreach (var value in new[] { ada.Email, ada.Name, ada.Actor.UserId! })
            Assert.Empty(await FindEverywhereAsync(database, value));
        Assert.NotEmpty(await FindEverywhereAsync(database, bruno.Email));
        Assert.False(File.Exists(archive));
        await using var db = database.CreateDbContext();
        var published = await db.Practices.SingleOrDefaultAsync(p => p.Slug == "adamark-published");
        Assert.Equal(keepContributions, published is not null);
        if (published is not null) Assert.Equal((FormerMember.Name, ""), (published.SubmitterName, published.Contact));
        Assert.False(await db.Practices.AnyAsync(p => p.Slug == "adamark-in-review"));
        Assert.Equal(FormerMember.Name, (await db.Questions.SingleAsync(q => q.Title == "adamark-answered question title")).AnsweredByName);
        await AssertRoomAsync(db, keepContributions);
        var logged = Assert.Single(await database.Get<AccountDeletionService>().ListAsync(await database.CreateUserAsync("Coco", Roles.Coordinator)));
        Assert.Equal(keepContributions, logged.ContributionsKept);
    }

    [Fact]
    public async Task Delete_WithAWrongPassword_IsRefused_AndKeepsTheAccount()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var ada = await PersonalDataSeed.SeedAsync(database, "Ada Privacyperson", "adamark", Roles.Practitioner);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => DeleteAsync(database, ada.Actor, new DeletionRequest("not-it", true)));

        Assert.Contains("not your password", error.Errors["secret"][0]);
        await using var db = database.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Id == ada.Actor.UserId));
    }

    [Fact]
    public async Task Delete_TheLastAdmin_IsRefused_UntilAnotherAdminExists()
    {
        await using var database = await SqliteDatabase.CreateAsync();
        var admin = await PersonalDataSeed.SeedAsync(database, "Ada Admin", "adminmark", Roles.Admin);

        var error = await Assert.ThrowsAsync<ValidationFailedException>(() => DeleteAsync(database, admin.Actor, new DeletionRequest(admin.Password, true)));
        Assert.Contains("only Admin", error.Errors["secret"][0]);

        await database.CreateUserAsync("Second Admin", Roles.Admin);
        await DeleteAsync(database, admin.Actor, new DeletionRequest(admin.Password, true));
        await using var db = database.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Id == admin.Actor.UserId));
    }

    /// <summary>Kept: their messages and questions under the former member's name, without the city. Deleted: gone, except
    /// the message the organiser replied to, which stays removed so the reply keeps its thread. Either way the organiser's
    /// @mention of them no longer names them, and the floor, pin, highlight and vote counts show no trace of them.</summary>
    private static async Task AssertRoomAsync(HrcDbContext db, bool keep)
    {
        var eventId = await db.CommunityEvents.Where(e => e.Title == "adamark-dialogue").Select(e => e.Id).SingleAsync();
        var messages = await db.DialogueMessages.Where(m => m.EventId == eventId).OrderBy(m => m.Id).ToListAsync();
        var reply = Assert.Single(messages, m => m.Text.StartsWith(PersonalDataSeed.RoomOrganiserReply, StringComparison.Ordinal));
        Assert.Equal(($"{PersonalDataSeed.RoomOrganiserReply} {FormerMember.Name}", ""), (reply.Text, reply.Mentions));
        var replied = Assert.Single(messages, m => m.Id == reply.ParentId);
        Assert.Equal((keep ? "adamark-room message" : "", FormerMember.Name, "", !keep, (string?)null),
            (replied.Text, replied.AuthorName, replied.AuthorCity, replied.IsRemoved, replied.ClientMessageId));
        Assert.Equal(keep ? 3 : 2, messages.Count);
        var questions = await db.DialogueQuestions.Where(q => q.EventId == eventId).ToListAsync();
        Assert.Equal(keep ? 2 : 0, questions.Count);
        Assert.All(questions, q => Assert.Equal((FormerMember.Name, "", 0), (q.AuthorName, q.AuthorCity, q.Votes)));
        var room = await db.DialogueRooms.SingleAsync(r => r.EventId == eventId);
        Assert.Equal(((string?)null, (string?)null), (room.FloorName, room.FloorCity));
        Assert.Equal(keep ? replied.Id : null, room.PinnedMessageId);
        Assert.Equal(keep, room.HighlightedQuestionId is not null);
        Assert.False(await db.DialogueHands.AnyAsync(h => h.EventId == eventId));
    }

    private static async Task DeleteAsync(SqliteDatabase database, Actor actor, DeletionRequest request)
    {
        using var scope = database.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AccountDeletionService>().DeleteAsync(actor, request);
    }

    /// <summary>Every text column of every table, searched for the value: "table.column" wherever it is found.</summary>
    private static async Task<List<string>> FindEverywhereAsync(SqliteDatabase database, string value)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var columns = await QueryAsync(connection, db.Database.IsSqlite()
            ? "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p " +
              "WHERE m.type = 'table' AND (p.type IN ('', 'TEXT') OR upper(p.type) LIKE 'VARCHAR%')"
            : "SELECT table_name, column_name FROM information_schema.columns " +
              "WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')",
            r => (Table: r.GetString(0), Name: r.GetString(1)));
        var found = new List<string>();
        foreach (var (table, column) in columns)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE lower(CAST(\"{column}\" AS TEXT)) LIKE '%' || lower(@value) || '%'";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@value";
            parameter.Value = value;
            command.Parameters.Add(parameter);
            if (Convert.ToInt64(await command.ExecuteScalarAsync()) > 0) found.Add($"{table}.{column}");
        }
        return found;
    }

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(read(reader));
        return rows;
    }
}

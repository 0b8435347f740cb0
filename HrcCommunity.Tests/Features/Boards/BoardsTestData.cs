using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Accounts;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Tests.Infrastructure;

namespace HrcCommunity.Tests.Features.Boards;

public static class BoardsTestData
{
    public static BoardCreate Create(bool privateWrite = false, int budget = 3, bool oneDotPerNote = false, int? eventId = null) =>
        new("Welcoming refugees", "challenges-ideas-actions", eventId, privateWrite, budget, oneDotPerNote);

    public sealed record Setup(SqliteDatabase Db, BoardService Boards, Actor Facilitator, Actor Pia, Actor Omar, int BoardId, int FirstColumn, int SecondColumn);

    /// <summary>A stand-alone board opened by a Coordinator, with two approved practitioners.</summary>
    public static async Task<Setup> StandAloneAsync(SqliteDatabase db, BoardCreate? create = null)
    {
        var facilitator = await db.CreateUserAsync("Carla Coordinator", Roles.Coordinator);
        var pia = await db.CreateUserAsync("Pia Practitioner", Roles.Practitioner);
        var omar = await db.CreateUserAsync("Omar Practitioner", Roles.Practitioner);
        var boards = db.Get<BoardService>();
        var id = await boards.CreateAsync(facilitator, create ?? Create());
        var view = (await boards.GetAsync(facilitator, id))!;
        return new Setup(db, boards, facilitator, pia, omar, id, view.Columns[0].Id, view.Columns[1].Id);
    }
}

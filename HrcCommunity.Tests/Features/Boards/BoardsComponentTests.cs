using Bunit;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Tests.Infrastructure;
using HrcCommunity.Web.Features.Boards;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace HrcCommunity.Tests.Features.Boards;

public sealed class BoardsComponentTests
{
    private static readonly BoardNoteView Note = new(7, 10, 0, "Pair newcomers with neighbours", NoteColour.Yellow, "Pia Practitioner", true, null, 1, null);

    [Fact]
    public async Task NoteCard_AltArrowKeys_AskToMoveTheNote_AndOtherKeysDoNot()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();
        var moves = new List<MoveDirection>();
        var cut = ctx.Render<NoteCard>(p => p.Add(x => x.Note, Note).Add(x => x.CanMove, true).Add(x => x.ColumnIndex, 1).Add(x => x.ColumnCount, 3)
            .Add(x => x.CountInColumn, 2).Add(x => x.OnMove, EventCallback.Factory.Create<MoveDirection>(this, d => moves.Add(d))));

        var note = cut.Find("article[data-note-keys]");
        await note.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight", AltKey = true });
        await note.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown", AltKey = true });
        await note.KeyDownAsync(new KeyboardEventArgs { Key = "ArrowLeft" });
        await note.KeyDownAsync(new KeyboardEventArgs { Key = "x", AltKey = true });

        Assert.Equal([MoveDirection.Right, MoveDirection.Down], moves);
        Assert.Equal("Note: Pair newcomers with neighbours. Alt and arrow keys move it.", note.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task NoteCard_MoveButtons_AreNamedAndDisabledAtTheEdges()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();
        var moves = new List<MoveDirection>();
        var cut = ctx.Render<NoteCard>(p => p.Add(x => x.Note, Note).Add(x => x.CanMove, true).Add(x => x.ColumnIndex, 0).Add(x => x.ColumnCount, 3)
            .Add(x => x.CountInColumn, 1).Add(x => x.OnMove, EventCallback.Factory.Create<MoveDirection>(this, d => moves.Add(d))));

        Assert.True(cut.Find("button[aria-label='Move left']").HasAttribute("disabled"));
        Assert.True(cut.Find("button[aria-label='Move up']").HasAttribute("disabled"));
        Assert.True(cut.Find("button[aria-label='Move down']").HasAttribute("disabled"));
        await cut.Find("button[aria-label='Move right']").ClickAsync(new());

        Assert.Equal([MoveDirection.Right], moves);
    }

    [Fact]
    public async Task NoteCard_WithoutTheRightToMove_IgnoresTheKeysAndShowsNoMoveButtons()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();
        var moves = new List<MoveDirection>();
        var cut = ctx.Render<NoteCard>(p => p.Add(x => x.Note, Note).Add(x => x.CanMove, false).Add(x => x.ColumnCount, 3)
            .Add(x => x.OnMove, EventCallback.Factory.Create<MoveDirection>(this, d => moves.Add(d))));

        await cut.Find("article").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowRight", AltKey = true });

        Assert.Empty(moves);
        Assert.Empty(cut.FindAll("button[aria-label='Move right']"));
    }

    [Fact]
    public async Task NoteCard_ARefusedSave_ShowsBothTextsAndKeepsTheEditorOpen()
    {
        await using var ctx = new BunitContext();
        ctx.AddHrcServices();
        NoteSave? asked = null;
        var cut = ctx.Render<NoteCard>(p => p.Add(x => x.Note, Note).Add(x => x.CanEdit, true)
            .Add(x => x.Save, s => { asked = s; return Task.FromResult(false); }));

        await cut.Find("button.link-button").ClickAsync(new());
        await cut.Find("textarea").InputAsync(new ChangeEventArgs { Value = "Pair every family with a neighbour" });
        await cut.FindAll("button").First(b => b.TextContent == "Save").ClickAsync(new());
        cut.Render(p => p.Add(x => x.Conflict, new NoteEditConflictException("Pair every family with a neighbour", "Neighbour volunteers", 2)));

        Assert.Equal(new NoteSave("Pair every family with a neighbour", NoteColour.Yellow, 1), asked);
        Assert.Contains("Neighbour volunteers", cut.Find("[role=alert]").TextContent);
        Assert.Contains("Pair every family with a neighbour", cut.Find("[role=alert]").TextContent);
        Assert.Equal("Pair every family with a neighbour", cut.Find("textarea").GetAttribute("value"));
    }
}

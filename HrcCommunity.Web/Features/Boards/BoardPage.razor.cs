using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Boards;
using HrcCommunity.Domain.Features.Events;
using HrcCommunity.Domain.Live;
using HrcCommunity.Web.Features.Accounts;
using HrcCommunity.Web.Live;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace HrcCommunity.Web.Features.Boards;

/// <summary>
/// The live board. Notes are held in memory and changed by each live event (the change itself); phases, settings and
/// clusters reload, which touches neither the new-note drafts (kept here per column) nor an open note editor (kept in
/// its <see cref="NoteCard"/>).
/// </summary>
public sealed partial class BoardPage
{
    private sealed class Draft
    {
        public string Text { get; set; } = "";
        public NoteColour Colour { get; set; }
    }

    [Parameter] public int Id { get; set; }

    [CascadingParameter] private HttpContext? HttpContext { get; set; }

    [Inject] private BoardService Boards { get; set; } = default!;
    [Inject] private EventService Events { get; set; } = default!;
    [Inject] private BoardFollowUpService FollowUp { get; set; } = default!;
    [Inject] private CircuitPresence Presence { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IStringLocalizer<BoardsText> T { get; set; } = default!;

    private Actor _actor = Actor.Anonymous;
    private BoardView? _view;
    private bool _forbidden;
    // Never replaced, only changed: the drop container enumerates this very list.
    private readonly List<BoardNoteView> _notes = [];
    private Dictionary<int, int> _myVotes = [];
    private int _hiddenNotes;
    private int _present;
    private string? _error, _announcement;
    private readonly Dictionary<int, Draft> _drafts = [];
    private readonly Dictionary<int, NoteEditConflictException> _conflicts = [];
    private int _focusNote, _focusToken;
    private int _timerMinutes = 5;
    private string _templateName = "";
    private string _clusterName = "";
    private IReadOnlyList<EventCard> _events = [];
    private int _followUpEventId;
    private MudDropContainer<BoardNoteView>? _drop;
    private IAsyncDisposable? _presence;
    private PeriodicTimer? _ticker;

    private bool Blocked => _view!.Locked && !_view.IsFacilitator;
    private bool CanAdd => !Blocked && (_view!.Phase == BoardPhase.Write || _view.IsFacilitator);
    private bool CanVote => !Blocked && _view!.Phase == BoardPhase.Vote;
    private int DotsLeft => Math.Max(0, _view!.DotBudget - _myVotes.Values.Sum());
    private IEnumerable<BoardNoteView> OrderedNotes => _notes.OrderBy(n => n.Position).ThenBy(n => n.Id);

    private bool CanMove(BoardNoteView note) => !Blocked && (_view!.IsFacilitator || _view.Phase switch
    {
        BoardPhase.Write => note.IsMine,
        BoardPhase.Group => true,
        _ => false,
    });

    private bool CanEdit(BoardNoteView note) =>
        !Blocked && (_view!.IsFacilitator || (note.IsMine && _view.Phase is BoardPhase.Write or BoardPhase.Group));

    private Draft NewText(int columnId) => _drafts.TryGetValue(columnId, out var d) ? d : _drafts[columnId] = new Draft();

    private List<BoardNoteView> ColumnNotes(int columnId) => OrderedNotes.Where(n => n.ColumnId == columnId).ToList();

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        await LoadAsync();
        // The status a static render answers with (the message below stays the body); an interactive render has no response to set.
        if (_forbidden && HttpContext is { Response.HasStarted: false } http) http.Response.StatusCode = StatusCodes.Status403Forbidden;
        if (_view?.IsFacilitator == true && _events.Count == 0)
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            _events = (await Events.ListAsync(_actor, now, now.AddYears(1))).Where(e => !e.IsCancelled).Take(50).ToList();
            _followUpEventId = _events.FirstOrDefault()?.Id ?? 0;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The drop zones draw the notes and re-render only when asked, so every render of the page (new notes, dots
        // left, the phase) is passed on to them. Refreshing renders the container, not this page: no loop.
        _drop?.Refresh();
        // The first render with the board, not the first render: where the database really waits (PostgreSQL), the
        // page renders once before the board has loaded.
        if (_presence is not null || !RendererInfo.IsInteractive || _view is null) return;
        _presence = Presence.Join(_view.Topic, new PresenceMember(_actor.UserId!, _actor.DisplayName));
        _ticker = new PeriodicTimer(TimeSpan.FromSeconds(1), Clock);
        _ = TickAsync(_ticker);
        await InvokeAsync(() =>
        {
            _present = Presence.Snapshot(_view.Topic).Count;
            StateHasChanged();
        });
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Boards.GetAsync(_actor, Id);
        }
        catch (ForbiddenException)
        {
            _view = null;
            _forbidden = true;
            return;
        }
        if (_view is null) return;
        _notes.Clear();
        _notes.AddRange(_view.Notes);
        _myVotes = new Dictionary<int, int>(_view.MyVotes);
        _hiddenNotes = _view.HiddenNotes;
    }

    /// <summary>Applies someone else's change in memory. Applying one twice (an anonymous board sends changes without their actor) changes nothing.</summary>
    private async Task ApplyAsync(LiveEvent<BoardChanged> e)
    {
        var change = e.Change;
        switch (change.Kind)
        {
            case BoardChangeKind.NoteAdded or BoardChangeKind.NoteEdited or BoardChangeKind.NoteMoved when change.Note is { Text: null } hidden:
                if (change.Kind == BoardChangeKind.NoteAdded && _notes.All(n => n.Id != hidden.Id)) _hiddenNotes++;
                break;
            case BoardChangeKind.NoteAdded or BoardChangeKind.NoteEdited or BoardChangeKind.NoteMoved when change.Note is { } note:
                Upsert(note);
                if (change.Order is { } order)
                {
                    var positions = order.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
                    for (var i = 0; i < _notes.Count; i++)
                        if (_notes[i].ColumnId == note.ColumnId && positions.TryGetValue(_notes[i].Id, out var p)) _notes[i] = _notes[i] with { Position = p };
                }
                break;
            case BoardChangeKind.NoteDeleted:
                var removed = _notes.RemoveAll(n => n.Id == change.NoteId);
                if (removed == 0 && _hiddenNotes > 0 && _view!.IsPrivateNow) _hiddenNotes--;
                _myVotes.Remove(change.NoteId ?? 0);
                break;
            case BoardChangeKind.Voted:
                if (change.Totals is { } totals)
                    for (var i = 0; i < _notes.Count; i++)
                        if (totals.TryGetValue(_notes[i].Id, out var votes)) _notes[i] = _notes[i] with { Votes = votes };
                break;
            default:
                await LoadAsync();
                break;
        }
    }

    private void Upsert(BoardNoteData data)
    {
        var index = _notes.FindIndex(n => n.Id == data.Id);
        var existing = index >= 0 ? _notes[index] : null;
        var note = new BoardNoteView(data.Id, data.ColumnId, data.Position, data.Text!, data.Colour, data.AuthorName, existing?.IsMine ?? false,
            data.ClusterId, data.Version, existing?.Votes ?? (_view!.VotesVisible ? 0 : null));
        if (index >= 0) _notes[index] = note;
        else _notes.Add(note);
    }

    private async Task RunAsync(Func<Task> action)
    {
        _error = null;
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
        // A facilitator's own change is skipped as an echo, so their view reloads here.
        await LoadAsync();
    }

    private async Task AddNoteAsync(int columnId)
    {
        var draft = NewText(columnId);
        _error = null;
        try
        {
            var note = await Boards.AddNoteAsync(_actor, Id, columnId, draft.Text, draft.Colour);
            _notes.RemoveAll(n => n.Id == note.Id);
            _notes.Add(note);
            draft.Text = "";
            _announcement = string.Format(T["NoteAdded"], _view!.Columns.First(c => c.Id == columnId).Title);
            }
        catch (DomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task<bool> SaveNoteAsync(BoardNoteView note, NoteSave save)
    {
        _error = null;
        try
        {
            var saved = await Boards.EditNoteAsync(_actor, note.Id, save.Text, save.Colour, save.BaseVersion);
            _conflicts.Remove(note.Id);
            Replace(saved with { Votes = note.Votes });
            return true;
        }
        catch (NoteEditConflictException conflict)
        {
            _conflicts[note.Id] = conflict;
            return false;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            return false;
        }
    }

    private Task MoveAsync(BoardNoteView note, MoveDirection direction)
    {
        var columns = _view!.Columns;
        var columnIndex = columns.ToList().FindIndex(c => c.Id == note.ColumnId);
        var index = ColumnNotes(note.ColumnId).FindIndex(n => n.Id == note.Id);
        var (targetColumn, targetIndex) = direction switch
        {
            MoveDirection.Left when columnIndex > 0 => (columns[columnIndex - 1].Id, int.MaxValue),
            MoveDirection.Right when columnIndex < columns.Count - 1 => (columns[columnIndex + 1].Id, int.MaxValue),
            MoveDirection.Up when index > 0 => (note.ColumnId, index - 1),
            MoveDirection.Down => (note.ColumnId, index + 1),
            _ => (note.ColumnId, index),
        };
        return MoveToAsync(note, targetColumn, targetIndex);
    }

    private Task DroppedAsync(MudItemDropInfo<BoardNoteView> drop) =>
        int.TryParse(drop.DropzoneIdentifier, out var columnId) && drop.Item is { } note ? MoveToAsync(note, columnId, drop.IndexInZone) : Task.CompletedTask;

    private async Task MoveToAsync(BoardNoteView note, int columnId, int index)
    {
        _error = null;
        try
        {
            var moved = await Boards.MoveNoteAsync(_actor, note.Id, columnId, index);
            // The service numbered the column again; reading it back keeps every position right without guessing here.
            await LoadAsync();
            var column = ColumnNotes(moved.ColumnId);
            var title = _view!.Columns.First(c => c.Id == moved.ColumnId).Title;
            _announcement = string.Format(T["NoteMoved"], title, column.FindIndex(n => n.Id == moved.Id) + 1, column.Count);
            _focusNote = moved.Id;
            _focusToken++;
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            await LoadAsync();
        }
    }

    private async Task DeleteAsync(BoardNoteView note)
    {
        await RunAsync(() => Boards.DeleteNoteAsync(_actor, note.Id));
        _announcement = T["NoteDeleted"];
    }

    private async Task VoteAsync(BoardNoteView note)
    {
        _error = null;
        try
        {
            var total = await Boards.VoteAsync(_actor, note.Id);
            _myVotes[note.Id] = _myVotes.GetValueOrDefault(note.Id) + 1;
            if (_view!.VotesVisible) Replace(note with { Votes = total });
            _announcement = string.Format(T["DotsLeft"], DotsLeft, _view.DotBudget);
        }
        catch (DomainException ex)
        {
            _error = ex.Message;
            await LoadAsync();
        }
    }

    private async Task UnvoteAsync(BoardNoteView note)
    {
        await RunAsync(() => Boards.UnvoteAsync(_actor, note.Id));
        _announcement = string.Format(T["DotsLeft"], DotsLeft, _view!.DotBudget);
    }

    private Task ClusterAsync(BoardNoteView note, int? clusterId) => RunAsync(() => Boards.SetClusterAsync(_actor, note.Id, clusterId));

    private async Task AddClusterAsync()
    {
        await RunAsync(() => Boards.AddClusterAsync(_actor, Id, _clusterName));
        if (_error is null) _clusterName = "";
    }

    private async Task SaveTemplateAsync()
    {
        await RunAsync(() => Boards.SaveTemplateAsync(_actor, Id, _templateName));
        if (_error is null) _announcement = string.Format(T["TemplateSaved"], _templateName);
    }

    private async Task AddToAgendaAsync()
    {
        await RunAsync(() => Boards.AddToEventAgendaAsync(_actor, Id, _followUpEventId, BoardUrl));
        if (_error is null) _announcement = T["AddedToAgenda"];
    }

    private async Task DraftPracticeAsync(int clusterId)
    {
        await RunAsync(() => FollowUp.DraftPracticeAsync(_actor, Id, clusterId, BoardUrl));
        if (_error is null) _announcement = T["PracticeDrafted"];
    }

    private async Task DraftKnowledgeAsync(int clusterId)
    {
        await RunAsync(() => FollowUp.DraftKnowledgeAsync(_actor, Id, clusterId, BoardUrl));
        if (_error is null) _announcement = T["KnowledgeDrafted"];
    }

    private string BoardUrl => Navigation.ToAbsoluteUri($"/boards/{Id}").ToString();

    /// <summary>The clusters the facilitator may turn into drafts: the service's rule, shown before it is asked.</summary>
    private static HashSet<int> TopClusterIds(BoardResults results) =>
        results.Clusters.Where(c => c.Votes > 0).Take(BoardFollowUpService.TopClusters).Select(c => c.Id!.Value).ToHashSet();

    private void Replace(BoardNoteView note)
    {
        var index = _notes.FindIndex(n => n.Id == note.Id);
        if (index >= 0) _notes[index] = note;
    }

    private BoardResults Results() => BoardResults.From(_view! with { Notes = _notes });

    private string TimerText(DateTime endsAt)
    {
        var left = endsAt - Clock.GetUtcNow().UtcDateTime;
        return left <= TimeSpan.Zero ? T["TimeUp"] : string.Format(T["TimeLeft"], $"{(int)left.TotalMinutes}:{left.Seconds:00}");
    }

    /// <summary>Redraws the countdown each second while a timer runs.</summary>
    private async Task TickAsync(PeriodicTimer ticker)
    {
        try
        {
            while (await ticker.WaitForNextTickAsync())
                if (_view?.TimerEndsAt is { } endsAt && endsAt > Clock.GetUtcNow().UtcDateTime.AddSeconds(-2)) await InvokeAsync(StateHasChanged);
        }
        catch (ObjectDisposedException)
        {
            // The page closed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _ticker?.Dispose();
        if (_presence is not null) await _presence.DisposeAsync();
    }
}

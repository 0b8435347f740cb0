using HrcCommunity.Domain.Common;
using HrcCommunity.Domain.Features.Questions;
using HrcCommunity.Web.Features.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace HrcCommunity.Web.Features.Questions;

public sealed partial class ExpertQuestionPage
{
    [Inject] private QuestionTriageService Triage { get; set; } = default!;
    [Inject] private PublishedAnswersService Answers { get; set; } = default!;
    [Inject] private CannedReplyService CannedReplies { get; set; } = default!;
    [Inject] private CurrentActor CurrentActor { get; set; } = default!;
    [Inject] private IStringLocalizer<QuestionsText> T { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Parameter] public int Id { get; set; }

    private Actor _actor = Actor.Anonymous;
    private QuestionDetail? _detail;
    private bool _notFound, _changedElsewhere;
    private string? _error, _notice;
    private IReadOnlyDictionary<string, string[]> _errors = new Dictionary<string, string[]>();
    private IReadOnlyList<CannedReplyView> _canned = [];
    private IReadOnlyList<ExpertOption> _experts = [];

    // The draft being edited and the version it was loaded at; a live reload never overwrites it.
    private string _answer = "", _summary = "", _links = "";
    private int _version;
    private string? _reassignTo, _note;
    private IReadOnlyList<string> _networks = [];
    private int _cannedId;
    private string _publicQuestion = "";
    private string[] _themes = [];

    private bool IsHolder => _detail?.HolderId is { } holder && holder == _actor.UserId;

    private bool CanPublish => _actor.CanCoordinate || (_detail?.AnsweredByName is not null && IsHolder);

    protected override async Task OnParametersSetAsync()
    {
        _actor = await CurrentActor.GetAsync();
        _canned = await CannedReplies.ListAsync(_actor);
        _cannedId = _canned.FirstOrDefault()?.Id ?? 0;
        if (_actor.CanCoordinate)
        {
            _experts = await Triage.ListExpertsAsync(_actor);
            _reassignTo = _experts.FirstOrDefault()?.Id;
        }
        await LoadAsync(takeDraft: true);
    }

    private async Task LoadAsync(bool takeDraft)
    {
        try
        {
            _detail = await Triage.GetAsync(_actor, Id);
        }
        catch (NotFoundException)
        {
            _notFound = true;
            return;
        }
        var editing = _detail.State == QuestionState.Claimed && (IsHolder || _actor.CanCoordinate);
        if (takeDraft || !editing)
        {
            (_answer, _summary, _links, _version) = (_detail.Answer, _detail.AnswerSummary, _detail.AnswerLinks, _detail.Version);
            _publicQuestion = _detail.Body;
            _themes = [.. _detail.Themes];
            _changedElsewhere = false;
        }
        else
        {
            // Someone else saved while this person edits: say so; their own save will then be refused as a conflict.
            _changedElsewhere = _detail.Version != _version;
        }
    }

    private async Task RunAsync(Func<Actor, Task> action, string? notice = null)
    {
        _error = _notice = null;
        _errors = new Dictionary<string, string[]>();
        try
        {
            await action(_actor);
            _notice = notice ?? T["Done"];
            await LoadAsync(takeDraft: true);
        }
        catch (ValidationFailedException ex) { _errors = ex.Errors; }
        catch (DomainException ex)
        {
            _error = ex.Message;
            await LoadAsync(takeDraft: false);
        }
    }

    private Task SaveDraftAsync() => RunAsync(async actor =>
        _version = await Triage.SaveDraftAsync(actor, Id, new AnswerDraft(_answer, _summary, _links, _version)), T["DraftSaved"]);

    private Task SendAnswerAsync() =>
        RunAsync(actor => Triage.SendAnswerAsync(actor, Id, new AnswerDraft(_answer, _summary, _links, _version)), T["AnswerSent"]);

    private Task PublishAsync() => RunAsync(actor => Answers.PublishAsync(actor, Id, new PublishInput(_publicQuestion, _themes, _networks)));

    private async Task PromoteToKnowledgeAsync()
    {
        string? slug = null;
        await RunAsync(async actor => slug = await Answers.PromoteToKnowledgeAsync(actor, Id));
        if (slug is not null) Navigation.NavigateTo($"/knowledge/{slug}/edit");
    }

    private Task AddNoteAsync() => RunAsync(async actor =>
    {
        await Triage.AddNoteAsync(actor, Id, _note ?? "");
        _note = null;
    });

    private void InsertCanned()
    {
        var reply = _canned.FirstOrDefault(r => r.Id == _cannedId);
        if (reply is null) return;
        _answer = _answer.Length == 0 ? reply.Body : _answer.TrimEnd() + "\n\n" + reply.Body;
    }
}

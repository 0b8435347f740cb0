namespace HrcCommunity.Domain.Features.Boards;

public sealed record TemplateColumn(string Title, string Prompt);

/// <summary>A set of columns to start a board from: one of the built-in three, or a Coordinator's own (key <c>own:{id}</c>).</summary>
public sealed record BoardTemplateOption(string Key, string Name, IReadOnlyList<TemplateColumn> Columns);

public static class BoardTemplates
{
    public const int MaxColumns = 8;

    public static readonly IReadOnlyList<BoardTemplateOption> BuiltIn =
    [
        new("challenges-ideas-actions", "Challenges, ideas, actions",
        [
            new("Challenges", "What gets in the way of rights in your city today?"),
            new("Ideas", "What could your city try?"),
            new("Actions", "What will you do before we meet again, and who does it?"),
        ]),
        new("rights-responses-partners", "Rights at risk, local responses, partners",
        [
            new("Rights at risk", "Which rights are at risk for whom in your city?"),
            new("Local responses", "What does the city, or civil society, already do?"),
            new("Partners", "Who else should be at the table?"),
        ]),
        new("start-stop-continue", "Start, stop, continue",
        [
            new("Start", "What should we start doing?"),
            new("Stop", "What should we stop doing?"),
            new("Continue", "What works and should continue?"),
        ]),
    ];

    public static string OwnKey(int id) => $"own:{id}";
}

namespace HrcCommunity.Domain.Features.Questions;

public sealed record QuestionTopic(string Code, string Label);

/// <summary>What a question is about: a short fixed list, so the queue and the measures can group by it.</summary>
public static class QuestionTopics
{
    public static readonly IReadOnlyList<QuestionTopic> All =
    [
        new("concepts", "Concepts and methodology"),
        new("local-policy", "Local policy and mainstreaming"),
        new("participation", "Participation"),
        new("monitoring", "Monitoring and indicators"),
        new("rights-and-groups", "Specific rights and groups"),
        new("networks-funding", "Networks and funding"),
        new("other", "Other"),
    ];

    public static bool IsKnown(string? code) => All.Any(t => t.Code == code);

    public static string LabelOf(string code) => All.FirstOrDefault(t => t.Code == code)?.Label ?? code;
}

namespace HrcCommunity.Web.Features.Questions;

public static class QuestionFormat
{
    /// <summary>A question's age the way people say it: minutes, hours, then days.</summary>
    public static string Age(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)age.TotalHours} h",
        _ => $"{(int)age.TotalDays} days",
    };

    public static string Duration(TimeSpan? span) => span is not { } s ? "" : s.TotalHours < 48 ? $"{s.TotalHours:0.#} h" : $"{s.TotalDays:0.#} days";
}

namespace HrcCommunity.Domain.Features.Questions;

/// <summary>Anti-abuse limits for asking (section Hrc:Questions).</summary>
public sealed class QuestionsOptions
{
    public const string Section = "Hrc:Questions";

    /// <summary>Questions one email address may send within <see cref="RateWindow"/>.</summary>
    public int MaxPerEmail { get; set; } = 3;

    /// <summary>Questions one client address may send within <see cref="RateWindow"/>.</summary>
    public int MaxPerAddress { get; set; } = 10;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromHours(1);
}

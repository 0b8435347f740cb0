using HrcCommunity.Domain.Common;

namespace HrcCommunity.Domain.Features.Questions;

/// <summary>An answer's further-reading links: one absolute http(s) address per line.</summary>
public static class AnswerLinks
{
    public static IReadOnlyList<string> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static Validator Validate(this Validator validator, string field, string? text)
    {
        var links = Parse(text);
        validator.Check(links.Count <= Question.LinksMax, field, $"Add at most {Question.LinksMax} links.");
        foreach (var link in links)
            validator.Url(field, link, $"The link \"{(link.Length > 60 ? link[..60] + "…" : link)}\"", required: true);
        return validator;
    }
}

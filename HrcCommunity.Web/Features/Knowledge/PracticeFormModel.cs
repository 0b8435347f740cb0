using HrcCommunity.Domain.Features.Knowledge;

namespace HrcCommunity.Web.Features.Knowledge;

public sealed class PracticeFormModel
{
    public string Title { get; set; } = "";
    public string City { get; set; } = "";
    public string Period { get; set; } = "";
    public string Problem { get; set; } = "";
    public string Approach { get; set; } = "";
    public string Results { get; set; } = "";
    public string Lessons { get; set; } = "";
    public string Contact { get; set; } = "";
    public string[] Themes { get; set; } = [];
    public List<LinkRow> Links { get; set; } = [];
    public IReadOnlyList<string> NetworkSlugs { get; set; } = [];

    public static PracticeFormModel From(PracticeInput input) => new()
    {
        Title = input.Title, City = input.City, Period = input.Period, Problem = input.Problem, Approach = input.Approach,
        Results = input.Results, Lessons = input.Lessons, Contact = input.Contact, Themes = input.Themes.ToArray(),
        Links = input.Links.Select(l => new LinkRow { Title = l.Title, Url = l.Url }).ToList(),
        NetworkSlugs = input.NetworkSlugs,
    };

    public PracticeInput ToInput() => new(Title, City, Period, Problem, Approach, Results, Lessons, Contact, Themes,
        LinkRow.ToInputs(Links), NetworkSlugs);
}

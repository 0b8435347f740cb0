using HrcCommunity.Domain.Features.Knowledge;

namespace HrcCommunity.Web.Features.Knowledge;

/// <summary>The editable state of a knowledge item form; converted to Domain's input on save.</summary>
public sealed class KnowledgeFormModel
{
    public string Title { get; set; } = "";
    public KnowledgeSection Section { get; set; } = KnowledgeSection.OtherIssues;
    public string Summary { get; set; } = "";
    public string Body { get; set; } = "";
    public string PractitionerBody { get; set; } = "";
    public bool PractitionersOnly { get; set; }
    public string[] Themes { get; set; } = [];
    public List<LinkRow> Links { get; set; } = [];
    public IReadOnlyList<string> NetworkSlugs { get; set; } = [];

    public static KnowledgeFormModel From(KnowledgeInput input) => new()
    {
        Title = input.Title, Section = input.Section, Summary = input.Summary, Body = input.Body,
        PractitionerBody = input.PractitionerBody, PractitionersOnly = input.PractitionersOnly, Themes = input.Themes.ToArray(),
        Links = input.Links.Select(l => new LinkRow { Title = l.Title, Url = l.Url }).ToList(),
        NetworkSlugs = input.NetworkSlugs,
    };

    public KnowledgeInput ToInput() => new(Title, Section, Summary, Body, PractitionerBody, PractitionersOnly, Themes,
        LinkRow.ToInputs(Links), NetworkSlugs);
}

public sealed class LinkRow
{
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";

    /// <summary>Rows left entirely empty are ignored; half-filled ones go to validation.</summary>
    public static IReadOnlyList<KnowledgeLinkInput> ToInputs(IEnumerable<LinkRow> rows) =>
        rows.Where(r => !string.IsNullOrWhiteSpace(r.Title) || !string.IsNullOrWhiteSpace(r.Url))
            .Select(r => new KnowledgeLinkInput(r.Title, r.Url)).ToList();
}

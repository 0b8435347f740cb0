namespace HrcCommunity.Domain.Features.Search;

/// <summary>The kinds of record the index holds, in the order the search page lists them.</summary>
public static class SearchKinds
{
    public const string Knowledge = "knowledge";
    public const string Practice = "practice";
    public const string Link = "link";
    public const string News = "news";
    public const string Page = "page";
    public const string Network = "network";
    public const string Answer = "answer";
    public const string Member = "member";

    public static readonly IReadOnlyList<string> All = [Knowledge, Practice, Link, News, Page, Network, Answer, Member];

    /// <summary>What the Atom feed carries.</summary>
    public static readonly IReadOnlyList<string> Feed = [News, Practice, Knowledge];

    public static bool IsKnown(string? kind) => kind is not null && All.Contains(kind);
}

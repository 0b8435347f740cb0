using HrcCommunity.Domain.Data;
using HrcCommunity.Domain.Features.Search;
using HrcCommunity.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace HrcCommunity.Tests.Features.Search;

public sealed class FtsQueryTests
{
    [Theory]
    [InlineData("human rights", "(\"human\" \"rights\")")]
    [InlineData("  Zürich!  ", "(\"Zürich\")")]
    [InlineData("title:* OR \"x", "(\"title\" \"OR\" \"x\")")]
    public void Build_QuotesEveryTerm(string input, string expected) =>
        Assert.Equal(expected, FtsQuery.Build(input));

    [Theory]
    [InlineData("human rig", "Title : (\"human\" \"rig\"*)")]
    [InlineData("a", "Title : (\"a\")")]
    public void Build_ForSuggestions_PrefixesTheLastTermOfTwoLettersOrMore(string input, string expected) =>
        Assert.Equal(expected, FtsQuery.Build(input, prefixLastTerm: true, column: "Title"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\"*():^-+")]
    public void Build_ReturnsNull_WhenNothingSearchableIsLeft(string? input) => Assert.Null(FtsQuery.Build(input));

    [Fact]
    public void Terms_AreCapped_SoAHugeQueryStaysCheap() =>
        Assert.Equal(12, FtsQuery.Terms(string.Join(' ', Enumerable.Repeat("word", 500))).Count);

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(a b")]
    [InlineData("col:value")]
    [InlineData("* OR AND NOT")]
    [InlineData("wallenb")]
    public async Task Build_AlwaysGivesFts5AnExpressionItAccepts(string input)
    {
        await using var database = await SqliteDatabase.CreateAsync(provider: DatabaseProvider.Sqlite);
        await using var db = database.CreateDbContext();
        var match = FtsQuery.Build(input, prefixLastTerm: true);
        if (match is null) return;

        var hits = await db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM search_fts WHERE search_fts MATCH {match}").ToListAsync();

        if (input == "wallenb") Assert.NotEmpty(hits);
    }
}

using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HrcCommunity.Domain.Data.Migrations;

/// <summary>
/// Search ranks by reading the newest matches' titles and summaries instead of FTS5's bm25(): a covering index
/// holds them, and the kind becomes an indexed token, so a kind filter is an index intersection too.
/// </summary>
[DbContext(typeof(HrcDbContext))]
[Migration("20261123060000_SearchRankingWithoutBm25")]
public sealed class SearchRankingWithoutBm25 : EmbeddedSqlMigration;

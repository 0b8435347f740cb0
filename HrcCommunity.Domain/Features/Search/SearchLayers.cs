using System.Data.Common;

namespace HrcCommunity.Domain.Features.Search;

/// <summary>The SQL both full-text indexes share: which entries an audience may match.</summary>
internal static class SearchLayers
{
    /// <summary>
    /// Public people match only public entries. Practitioners match both layers, but a public entry gives way when its
    /// record also has a practitioners' entry (the full text), so each record shows once. Part of every statement's
    /// WHERE clause, so a practitioners-only entry cannot rank, count, suggest or leak its title.
    /// </summary>
    public static string Condition(SearchAudience audience) => audience switch
    {
        SearchAudience.Practitioners => "(e.\"Layer\" = 1 OR NOT EXISTS (SELECT 1 FROM \"SearchEntries\" p WHERE p.\"Kind\" = e.\"Kind\" AND p.\"Key\" = e.\"Key\" AND p.\"Layer\" = 1))",
        SearchAudience.Public => "e.\"Layer\" = 0",
        _ => "TRUE",
    };

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

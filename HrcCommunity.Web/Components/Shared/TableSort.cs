namespace HrcCommunity.Web.Components.Shared;

/// <summary>The column a <see cref="PagedTable{TItem}"/> is sorted by, cascaded to its <see cref="SortHeader"/>s.</summary>
public sealed record TableSort(string Key, bool Descending);

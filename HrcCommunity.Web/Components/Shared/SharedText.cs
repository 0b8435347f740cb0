namespace HrcCommunity.Web.Components.Shared;

/// <summary>Marker for the strings every part of the site uses (SharedText.resx).</summary>
public sealed class SharedText;

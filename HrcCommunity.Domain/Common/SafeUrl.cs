namespace HrcCommunity.Domain.Common;

public static class SafeUrl
{
    private static readonly string[] AllowedSchemes = ["http", "https", "mailto"];

    public static bool IsSafeAbsolute(string value) =>
        Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Relative links, anchors and http(s)/mailto pass; script and data schemes do not.</summary>
    public static bool IsSafeLink(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var trimmed = new string(value.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray());
        var colon = trimmed.IndexOf(':');
        var slash = trimmed.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true;
        var scheme = trimmed[..colon].ToLowerInvariant();
        return AllowedSchemes.Contains(scheme);
    }
}

using System.Reflection;

namespace HrcCommunity.Domain.Seeding;

/// <summary>Reads seed pages shipped inside the assembly: a front-matter block, then Markdown.</summary>
public sealed record EmbeddedMarkdown(string Name, IReadOnlyDictionary<string, string> Meta, string Body)
{
    public static IReadOnlyList<EmbeddedMarkdown> Load(string folder)
    {
        var assembly = typeof(EmbeddedMarkdown).Assembly;
        var prefix = $"{assembly.GetName().Name}.Seeding.{folder}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => Parse(n[prefix.Length..^3], Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("\r\n", "\n");
    }

    private static EmbeddedMarkdown Parse(string name, string text)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!text.StartsWith("---\n", StringComparison.Ordinal)) return new(name, meta, text);
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        foreach (var line in text[4..end].Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) meta[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }
        return new(name.Replace('_', '-'), meta, text[(end + 5)..].TrimStart('\n'));
    }
}

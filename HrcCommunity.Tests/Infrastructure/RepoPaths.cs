namespace HrcCommunity.Tests.Infrastructure;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "HrcCommunity.Web");

    /// <summary>The app's own build output, next to its static web asset manifests.</summary>
    public static string WebExecutable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            return Path.Combine(WebProject, "bin", configuration, "net10.0", "HrcCommunity.Web");
        }
    }

    public static string NodeModules => Path.Combine(Root, "node_modules");

    public static string NewTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), "hrc-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "HrcCommunity.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the tests from inside the repository.");
    }
}

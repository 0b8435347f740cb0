namespace HrcCommunity.Domain.Data;

/// <summary>Where the platform keeps its files: the SQLite databases, attachments and the email outbox.</summary>
public sealed class DataFolder
{
    private readonly string? _attachmentsPath;

    /// <param name="path">The folder.</param>
    /// <param name="attachmentsPath">
    /// Where uploaded files (and personal data archives, in its <c>exports</c> folder) go when not in this folder: storage
    /// every app instance shares (<c>Hrc:Attachments:Path</c>) when several run against one PostgreSQL database.
    /// </param>
    public DataFolder(string path, string? attachmentsPath = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
        if (!string.IsNullOrWhiteSpace(attachmentsPath)) _attachmentsPath = System.IO.Path.GetFullPath(attachmentsPath);
    }

    public string Path { get; }

    public string DatabasePath => System.IO.Path.Combine(Path, "hrc.db");

    /// <summary>Hangfire's storage: a file of its own, so its locking never touches the app's database.</summary>
    public string JobsDatabasePath => System.IO.Path.Combine(Path, "hangfire.db");

    public string OutboxPath => System.IO.Path.Combine(Path, "outbox");

    public string AttachmentsPath => _attachmentsPath ?? System.IO.Path.Combine(Path, "attachments");

    /// <summary>
    /// Personal data archives waiting to be downloaded; each is deleted when its link expires. With shared storage they
    /// live there too (its <c>exports</c> folder), as whichever instance builds one is rarely the one its owner reaches.
    /// </summary>
    public string ExportsPath => System.IO.Path.Combine(_attachmentsPath ?? Path, "exports");

    public string KeysPath => System.IO.Path.Combine(Path, "keys");

    /// <summary>
    /// Run from source, the data folder defaults to the repository's git-ignored <c>data/</c>;
    /// run from a published folder, it defaults to <c>data/</c> beside the app.
    /// </summary>
    public static string DefaultFor(string contentRoot)
    {
        var repoRoot = System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, ".."));
        return File.Exists(System.IO.Path.Combine(repoRoot, "HrcCommunity.sln"))
            ? System.IO.Path.Combine(repoRoot, "data")
            : System.IO.Path.Combine(contentRoot, "data");
    }
}

using System.Security.Cryptography;
using System.Text;

namespace HrcCommunity.Domain.Data;

/// <summary>
/// The server's secret keys, one file each under the data folder's keys path. On Linux and macOS the folder is
/// the app user's alone (0700) and each file readable and writable by that user only (0600), so another account on
/// the machine, or a backup that keeps modes, does not hand them out.
/// </summary>
public static class KeyFiles
{
    private const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode KeyFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the keys folder, or narrows an existing one that others could read, and returns its path.</summary>
    public static string EnsureFolder(DataFolder folder)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder.KeysPath);
        }
        else
        {
            Directory.CreateDirectory(folder.KeysPath, FolderMode);
            if (File.GetUnixFileMode(folder.KeysPath) != FolderMode) File.SetUnixFileMode(folder.KeysPath, FolderMode);
        }
        return folder.KeysPath;
    }

    /// <summary>The 32-byte key in the named file, created on first use.</summary>
    public static byte[] LoadOrCreate(DataFolder folder, string fileName)
    {
        var path = Path.Combine(EnsureFolder(folder), fileName);
        if (File.Exists(path)) return Read(path);
        var key = RandomNumberGenerator.GetBytes(32);
        // Written aside and then moved into place: a key file that exists is whole, so nobody reads one still empty.
        var written = Path.Combine(folder.KeysPath, $".{fileName}.{Guid.NewGuid():N}");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = KeyFileMode;
        using (var stream = new FileStream(written, options)) stream.Write(Encoding.ASCII.GetBytes(Convert.ToBase64String(key)));
        try
        {
            File.Move(written, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another caller created it first: use theirs, so every link and hash stays valid.
            File.Delete(written);
            return Read(path);
        }
    }

    private static byte[] Read(string path)
    {
        // A key written before files were narrowed to 0600 is narrowed on its next use.
        if (!OperatingSystem.IsWindows() && File.GetUnixFileMode(path) != KeyFileMode) File.SetUnixFileMode(path, KeyFileMode);
        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}

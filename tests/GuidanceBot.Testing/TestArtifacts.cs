namespace GuidanceBot.Testing;

/// <summary>
/// Files tests leave for people and CI to look at (screenshots, logs, recordings), under the
/// repository's git-ignored <c>artifacts/</c> folder.
/// </summary>
public static class TestArtifacts
{
    /// <summary>The <c>artifacts/</c> folder at the repository root.</summary>
    public static string Root => Path.Combine(RepoPaths.Root, "artifacts");

    /// <summary>A folder under <see cref="Root"/>, created when missing.</summary>
    public static string Folder(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A folder under <see cref="Root"/>, emptied first: it holds only the latest run.</summary>
    public static string FreshFolder(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A name safe as a file name on every platform: letters, digits, '-', '_' and '.'.</summary>
    public static string SafeName(string name) =>
        new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);
}

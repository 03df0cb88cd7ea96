namespace GuidanceBot.Testing;

/// <summary>
/// Finds the repository root (the folder holding <c>GuidanceBot.sln</c>) and the <c>shared/</c>
/// folder that sits beside the checkout, from wherever the test runner put the test assembly.
/// </summary>
public static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The environment variable that names the <c>shared/</c> folder when it is not beside the checkout.</summary>
    public const string SharedVariable = "GUIDANCEBOT_SHARED";

    /// <summary>
    /// The <c>shared/</c> folder (design notes, domain facts, schemas): <see cref="SharedVariable"/> when set
    /// (<c>.ci/run</c> sets it for a clone made elsewhere), else the folder beside the checkout.
    /// </summary>
    public static string Shared =>
        Path.GetFullPath(Environment.GetEnvironmentVariable(SharedVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(Root, "..", "shared"));

    /// <summary>The <c>knowledge/</c> folder of the repository.</summary>
    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>A file under <see cref="Shared"/>; fails the test with a clear message when it is missing.</summary>
    public static string SharedFile(params string[] parts)
    {
        var path = Path.Combine([Shared, .. parts]);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Expected {path}: the shared/ folder must sit beside the checkout or be named by {SharedVariable} (see README).", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GuidanceBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GuidanceBot.sln not found above " + AppContext.BaseDirectory);
    }
}

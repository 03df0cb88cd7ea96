namespace GuidanceBot.Testing;

/// <summary>
/// The outside tools that end-to-end tests drive: node, the pinned npm packages and Debian chromium.
/// When one is missing, a local run skips the test with a reason naming the tool, and a CI run (the
/// <c>CI</c> environment variable set) fails it, so a broken install step can never pass as green.
/// Tests that call these must be <c>[SkippableFact]</c> or <c>[SkippableTheory]</c>.
/// </summary>
public static class ToolRequirement
{
    /// <summary>Where <c>.ci/install-tools</c> puts Debian's chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private const string InstallHint = "run `bash .ci/install-tools` at the repository root";

    // Each pinned package with a file that exists only when it is installed.
    private static readonly (string Package, string File)[] PinnedPackages =
    [
        ("@microsoft/m365agentsplayground", "cli.js"),
        ("adaptivecards", "dist/adaptivecards.min.js"),
        ("playwright-core", "package.json"),
    ];

    /// <summary>True on CI, where a missing tool is a failure rather than a skip.</summary>
    public static bool IsCi
    {
        get
        {
            var ci = Environment.GetEnvironmentVariable("CI");
            return !string.IsNullOrWhiteSpace(ci)
                && !ci.Equals("false", StringComparison.OrdinalIgnoreCase)
                && ci.Trim() != "0";
        }
    }

    /// <summary>The full path of <c>node</c> on the PATH.</summary>
    public static string Node() =>
        Require(FindOnPath("node"), "node (Node.js 20 or later) is not on the PATH");

    /// <summary>The repository's <c>node_modules</c> folder, holding every package pinned in package.json.</summary>
    public static string NodeModules()
    {
        var folder = Path.Combine(RepoPaths.Root, "node_modules");
        var missing = PinnedPackages
            .Where(p => !File.Exists(Path.Combine(folder, p.Package, p.File)))
            .Select(p => p.Package)
            .ToList();
        return Require(
            missing.Count == 0 ? folder : null,
            $"node_modules lacks {string.Join(", ", missing)} (npm ci has not run)");
    }

    /// <summary>The chromium executable.</summary>
    public static string Chromium() =>
        Require(File.Exists(ChromiumPath) ? ChromiumPath : null, $"chromium is not installed at {ChromiumPath}");

    private static string Require(string? found, string problem)
    {
        if (found is null && IsCi)
        {
            Assert.Fail($"CI=true and {problem}: {InstallHint}. On CI a missing tool fails the test instead of skipping it.");
        }

        Skip.If(found is null, $"{problem}; {InstallHint} to run this test.");
        return found;
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}

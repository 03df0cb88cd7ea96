using System.IO.Compression;
using GuidanceBot.Cli;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Packaging;

/// <summary>The <c>package</c> verb as a user runs it from the repository root.</summary>
public sealed class PackageVerbTests : IDisposable
{
    private const string AppId = "5d0a5c1e-8f7e-4a63-9a41-1d2f3c4b5a60";
    private const string BotId = "7e1b6d2f-9a8f-4b74-8b52-2e3f4d5c6b71";

    private readonly string _zip = Path.Combine(Path.GetTempPath(), $"guidancebot-{Guid.NewGuid():N}.zip");

    public void Dispose() => File.Delete(_zip);

    [Fact]
    public async Task Package_ValidIds_WritesZipAndPrintsItsPath()
    {
        // The schema is named explicitly: its default (../shared/…) holds only for a checkout beside shared/.
        var schema = RepoPaths.SharedFile("schemas", "teams-manifest-1.29.json");

        var (exitCode, stdout, stderr) = await RunAsync("package", "--app-id", AppId, "--bot-id", BotId, "--out", _zip, "--version", "1.2.0", "--schema", schema);

        Assert.True(exitCode == 0, stderr);
        Assert.Equal(_zip, stdout.Trim());
        using var zip = ZipFile.OpenRead(_zip);
        Assert.Contains(zip.Entries, e => e.FullName == "manifest.json");
    }

    [Theory]
    [InlineData("--app-id", "not-a-guid")]
    [InlineData("--app-id", "00000000-0000-0000-0000-000000000000")]
    [InlineData("--bot-id", "12345")]
    public async Task Package_BadId_ExitsWithUsageAndWritesNoZip(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--app-id"] = AppId, ["--bot-id"] = BotId, [option] = value };

        var (exitCode, _, stderr) = await RunAsync("package", "--app-id", args["--app-id"], "--bot-id", args["--bot-id"], "--out", _zip);

        Assert.Equal(CliVerbs.UsageExitCode, exitCode);
        Assert.Contains($"{option} must be a GUID", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_zip));
    }

    [Fact]
    public async Task Package_MissingOut_ExitsWithUsage()
    {
        var (exitCode, _, stderr) = await RunAsync("package", "--app-id", AppId, "--bot-id", BotId);

        Assert.Equal(CliVerbs.UsageExitCode, exitCode);
        Assert.Contains("--out", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_BadVersion_ExitsWithErrorAndWritesNoZip()
    {
        var (exitCode, _, stderr) = await RunAsync("package", "--app-id", AppId, "--bot-id", BotId, "--out", _zip, "--version", "v1");

        Assert.Equal(CliVerbs.ErrorExitCode, exitCode);
        Assert.Contains("No package written", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_zip));
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = await CliVerbs.TryRunAsync(args, TextReader.Null, stdout, stderr, RepoPaths.Root, CancellationToken.None);
        return (exitCode!.Value, stdout.ToString(), stderr.ToString());
    }
}

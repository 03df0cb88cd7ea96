using GuidanceBot.Packaging;

namespace GuidanceBot.Cli;

/// <summary>
/// The <c>package</c> verb: writes the Teams app zip from <c>manifest/</c> with the given ids, after
/// validating it. Bad arguments or a manifest that fails a check give a clear error and no zip.
/// </summary>
internal static class PackageVerb
{
    public const string Usage = """
        GuidanceBot package --app-id GUID --bot-id GUID --out FILE.zip
                            [--version 1.0.0] [--bot-domain HOST] [--manifest DIR] [--schema FILE]
          --app-id      the Teams app id: a GUID you choose once and keep for every version
          --bot-id      the bot's Microsoft App Id (the Azure Bot registration)
          --version     package version, MAJOR.MINOR.PATCH (default 1.0.0; raise it for every upload)
          --bot-domain  host name of the bot, added to validDomains
          --manifest    folder with manifest.json and the icons (default ./manifest)
          --schema      Teams manifest schema (default ../shared/schemas/teams-manifest-1.29.json)
        """;

    public static async Task<int> RunAsync(
        string[] args, TextWriter stdout, TextWriter stderr, string workingDirectory, CancellationToken cancellationToken)
    {
        if (!TryParse(args, workingDirectory, out var request, out var error))
        {
            await stderr.WriteLineAsync($"{error}\n\nUsage:\n{Usage}".AsMemory(), cancellationToken);
            return CliVerbs.UsageExitCode;
        }

        var problems = TeamsAppPackager.Create(request);
        if (problems.Count > 0)
        {
            await stderr.WriteLineAsync("No package written:".AsMemory(), cancellationToken);
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync($"  - {problem}".AsMemory(), cancellationToken);
            }

            return CliVerbs.ErrorExitCode;
        }

        await stdout.WriteLineAsync(request.OutputPath.AsMemory(), cancellationToken);
        return 0;
    }

    private static bool TryParse(string[] args, string workingDirectory, out TeamsAppPackageRequest request, out string error)
    {
        request = null!;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] known = ["--app-id", "--bot-id", "--out", "--version", "--bot-domain", "--manifest", "--schema"];
        for (var i = 0; i < args.Length; i++)
        {
            if (!known.Contains(args[i]))
            {
                error = $"Unknown argument {args[i]}.";
                return false;
            }

            if (i + 1 >= args.Length)
            {
                error = $"{args[i]} needs a value.";
                return false;
            }

            values[args[i]] = args[++i];
        }

        if (!TryGuid(values, "--app-id", out var appId, out error) || !TryGuid(values, "--bot-id", out var botId, out error))
        {
            return false;
        }

        if (!values.TryGetValue("--out", out var output) || string.IsNullOrWhiteSpace(output))
        {
            error = "--out FILE.zip is required.";
            return false;
        }

        request = new TeamsAppPackageRequest(
            appId,
            botId,
            values.GetValueOrDefault("--version", "1.0.0"),
            Path.GetFullPath(values.GetValueOrDefault("--manifest", "manifest"), workingDirectory),
            Path.GetFullPath(values.GetValueOrDefault("--schema", Path.Combine("..", "shared", "schemas", "teams-manifest-1.29.json")), workingDirectory),
            Path.GetFullPath(output, workingDirectory),
            values.GetValueOrDefault("--bot-domain"));
        error = string.Empty;
        return true;
    }

    private static bool TryGuid(Dictionary<string, string> values, string name, out Guid value, out string error)
    {
        error = string.Empty;
        if (!values.TryGetValue(name, out var text))
        {
            value = Guid.Empty;
            error = $"{name} GUID is required.";
            return false;
        }

        if (!Guid.TryParse(text, out value) || value == Guid.Empty)
        {
            error = $"{name} must be a GUID such as 3f2b8c1e-5a7d-4e90-b1c2-d3e4f5a6b7c8 (not all zeros).";
            return false;
        }

        return true;
    }
}

using System.Globalization;
using GuidanceBot.BotFramework.Storage;

namespace GuidanceBot.LoadTest;

/// <summary>Command-line options of the load generator.</summary>
internal sealed record LoadOptions(int[] Concurrency, TimeSpan Duration, int MaxRequests, TimeSpan? Soak, bool NoPublish, string[] Scenarios, bool InProcess, int Rounds, StorageProvider Storage, LogLevel BotLogLevel, bool Authenticated)
{
    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions([64], TimeSpan.FromSeconds(20), 200_000, null, false, [.. AllScenarios], false, 3, StorageProvider.Sqlite, LogLevel.Information, false);
        for (var i = 0; i < args.Length; i++)
        {
            options = args[i] switch
            {
                "--concurrency" => options with { Concurrency = [.. args[++i].Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] },
                "--seconds" => options with { Duration = TimeSpan.FromSeconds(int.Parse(args[++i], CultureInfo.InvariantCulture)) },
                "--max-requests" => options with { MaxRequests = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--soak" => options with { Soak = TimeSpan.FromSeconds(int.Parse(args[++i], CultureInfo.InvariantCulture)) },
                "--no-publish" => options with { NoPublish = true },
                "--scenarios" => options with { Scenarios = ParseScenarios(args[++i]) },
                "--in-process" => options with { InProcess = true },
                "--rounds" => options with { Rounds = Math.Max(1, int.Parse(args[++i], CultureInfo.InvariantCulture)) },
                "--storage" => options with { Storage = ParseStorage(args[++i]) },
                "--bot-log-level" => options with { BotLogLevel = ParseLogLevel(args[++i]) },
                "--authenticated" => options with { Authenticated = true },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --concurrency 1,16,64 --seconds N --max-requests N --soak SECONDS --no-publish --scenarios help,questions,flow --in-process --rounds N --storage sqlite|memory --bot-log-level information|warning --authenticated (with --in-process)"),
            };
        }

        if (options.Authenticated && !options.InProcess)
        {
            throw new ArgumentException("--authenticated needs --in-process: the published bot would fetch its signing keys over HTTPS, which this generator does not serve.");
        }

        // In process every request runs alone: fewer of them say as much.
        return options.InProcess && !args.Contains("--max-requests") ? options with { MaxRequests = 20_000 } : options;
    }

    /// <summary>The bot scenarios; the bare endpoint is always measured, as every ratio needs it.</summary>
    public static readonly string[] AllScenarios = ["help", "questions", "flow"];

    public bool Runs(string scenario) => Scenarios.Contains(scenario, StringComparer.Ordinal);

    /// <summary>
    /// The store the bot keeps state in. The targets are for SQLite; the memory store (still encrypted by Data
    /// Protection) is a diagnostic that shows what SQLite adds to a flow step in the same run.
    /// </summary>
    private static StorageProvider ParseStorage(string name) =>
        Enum.TryParse<StorageProvider>(name, ignoreCase: true, out var provider) && provider is StorageProvider.Sqlite or StorageProvider.Memory
            ? provider
            : throw new ArgumentException($"Unknown storage {name}. Storage: sqlite (default), memory");

    /// <summary>
    /// The bot's default log level: information, as shipped (the default here), or warning, which also leaves out the
    /// Information lines a flow writes when it starts and ends: a diagnostic of what logging costs.
    /// </summary>
    private static LogLevel ParseLogLevel(string name) =>
        Enum.TryParse<LogLevel>(name, ignoreCase: true, out var level) && level is LogLevel.Warning or LogLevel.Information
            ? level
            : throw new ArgumentException($"Unknown bot log level {name}. Levels: information (default, as shipped), warning");

    private static string[] ParseScenarios(string list)
    {
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => !AllScenarios.Contains(n, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0 ? names
            : throw new ArgumentException($"Unknown scenario {string.Join(", ", unknown)}. Scenarios: {string.Join(",", AllScenarios)}");
    }
}

using System.Globalization;
using System.Text;
using GuidanceBot.BotFramework.Storage;

namespace GuidanceBot.LoadTest;

/// <summary>Formats the results as the Markdown that goes into docs/benchmarks.md.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<PhaseResult> results, TimeSpan startup, IReadOnlyList<(TimeSpan At, long WorkingSet)> soak, StorageProvider storage, LogLevel botLogLevel)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        var rounds = results.Count == 0 ? 0 : results.Max(r => r.Round);
        text.AppendLine(culture, $"Bot state in: **{storage}**{(storage == StorageProvider.Sqlite ? "" : " (a diagnostic: the targets are for SQLite)")}");
        text.AppendLine(culture, $"Bot log level: **{botLogLevel}**{(botLogLevel == LogLevel.Information ? " (as shipped)" : " (a diagnostic: the bot ships at Information)")}");
        text.AppendLine();
        text.AppendLine(culture, $"Start-up to the first answered question (published Release build, index included): **{startup.TotalMilliseconds:0} ms**");
        text.AppendLine();
        text.AppendLine(culture, $"Medians over {rounds} round(s); \"× bare\" is each round's server CPU per request over that round's bare endpoint, then the median.");
        text.AppendLine();
        text.AppendLine("| scenario | concurrency | requests | failures | req/s | p50 ms | p99 ms | server CPU µs/req | × bare | × bare per round | peak MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        foreach (var group in results.GroupBy(r => r.Concurrency))
        {
            var bare = group.Where(r => r.Name == group.First().Name).ToDictionary(r => r.Round, r => r.CpuMicrosecondsPerRequest);
            foreach (var phases in group.GroupBy(r => r.Name))
            {
                var ratios = phases.Select(p => p.CpuMicrosecondsPerRequest / bare[p.Round]).ToList();
                text.AppendLine(culture,
                    $"| {phases.Key} | {group.Key} | {phases.Sum(p => p.Requests)} | {phases.Sum(p => p.Failures)} | {Median(phases.Select(p => p.RequestsPerSecond)):0} | {Median(phases.Select(p => p.P50Ms)):0.0} | {Median(phases.Select(p => p.P99Ms)):0.0} | {Median(phases.Select(p => p.CpuMicrosecondsPerRequest)):0} | {Median(ratios):0.0} | {string.Join(", ", ratios.Select(r => r.ToString("0.0", culture)))} | {phases.Max(p => p.PeakWorkingSet) / 1048576.0:0} |");
            }
        }

        if (soak.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Soak: working set of the bot after each 30 s slice (MiB): " +
                string.Join(", ", soak.Select(s => (s.WorkingSet / 1048576.0).ToString("0", culture))));
        }

        return text.ToString();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

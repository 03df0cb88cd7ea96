using System.Globalization;
using System.Text;

namespace GuidanceBot.LoadTest;

/// <summary>Formats the results as the Markdown that goes into docs/benchmarks.md.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<PhaseResult> results, TimeSpan startup, IReadOnlyList<(TimeSpan At, long WorkingSet)> soak)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"Start-up to the first answered question (published Release build, index included): **{startup.TotalMilliseconds:0} ms**");
        text.AppendLine();
        text.AppendLine("| scenario | concurrency | requests | failures | req/s | p50 ms | p99 ms | server CPU µs/req | × bare | peak MiB |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var group in results.GroupBy(r => r.Concurrency))
        {
            var bare = group.First().CpuMicrosecondsPerRequest;
            foreach (var r in group)
            {
                text.AppendLine(culture,
                    $"| {r.Name} | {r.Concurrency} | {r.Requests} | {r.Failures} | {r.RequestsPerSecond:0} | {r.P50Ms:0.0} | {r.P99Ms:0.0} | {r.CpuMicrosecondsPerRequest:0} | {r.CpuMicrosecondsPerRequest / bare:0.0} | {r.PeakWorkingSet / 1048576.0:0} |");
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
}

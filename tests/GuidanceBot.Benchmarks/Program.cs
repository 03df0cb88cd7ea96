using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GuidanceBot.Benchmarks;

// `latency` measures every single query with a stopwatch (BenchmarkDotNet reports iteration means,
// which hide the tail); anything else goes to BenchmarkDotNet, e.g. `--filter *` (short in-process job).
if (args.Length > 0 && args[0] == "latency")
{
    foreach (var corpus in new[] { Corpora.Real, Corpora.Real, Corpora.Synthetic100 })
    {
        var folder = Corpora.Folder(corpus);
        var (search, services) = Corpora.Open(folder);
        using (services)
        {
            foreach (var question in Corpora.Questions)
            {
                search.Search(question);
            }

            var samples = new List<double>();
            var perQuestion = new Dictionary<string, double>();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var round = 0; round < 50; round++)
            {
                foreach (var question in Corpora.Questions)
                {
                    var start = Stopwatch.GetTimestamp();
                    search.Search(question);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    perQuestion[question] = perQuestion.GetValueOrDefault(question) + samples[^1];
                }
            }

            var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Count;
            samples.Sort();
            double Percentile(double p) => samples[(int)Math.Min(samples.Count - 1, Math.Ceiling(p * samples.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{string.Join("\n", perQuestion.OrderByDescending(p => p.Value).Take(5).Select(p => $"  {p.Value / 50:0.000} ms {p.Key}"))}\n{corpus}: {search.AllPassages.Count} passages, {samples.Count} queries: median {Percentile(0.5):0.000} ms, p95 {Percentile(0.95):0.000} ms, p99 {Percentile(0.99):0.000} ms, max {samples[^1]:0.000} ms, CPU time per query {cpuPerQuery:0.000} ms"));
        }
    }

    return 0;
}

var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(KnowledgeBenchmarks).Assembly).Run(args, config);
return 0;

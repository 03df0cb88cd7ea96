using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using GuidanceBot.Benchmarks;
using GuidanceBot.Testing;

// `latency` measures every single query with a stopwatch (BenchmarkDotNet reports iteration means,
// which hide the tail); anything else goes to BenchmarkDotNet, e.g. `--filter *` (short in-process job).
if (args.Length > 0 && args[0] == "latency")
{
    foreach (var corpus in new[] { Corpora.Real, Corpora.Synthetic100 })
    {
        var folder = Corpora.Folder(corpus);
        var (search, services) = Corpora.Open(folder);
        using (services)
        {
            // Warm up past tiered JIT for a fixed time rather than a count of queries: with dynamic PGO a method
            // goes through an instrumented tier before its optimized one, each compiled in the background, and
            // 400 warm-up queries (the count used before) left the real corpus measured at ~6x its warm cost.
            var warmUp = Stopwatch.StartNew();
            for (var round = 0; round < 10 || warmUp.Elapsed < TimeSpan.FromSeconds(5); round++)
            {
                foreach (var question in Corpora.Questions)
                {
                    search.Search(question);
                }
            }

            Thread.Sleep(500);

            var samples = new List<double>();
            var cpuSamples = new List<double>();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var round = 0; round < 50; round++)
            {
                foreach (var question in Corpora.Questions)
                {
                    var cpuStart = ThreadCpuClock.NowMilliseconds();
                    var start = Stopwatch.GetTimestamp();
                    search.Search(question);
                    samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                    cpuSamples.Add(ThreadCpuClock.NowMilliseconds() - cpuStart);
                }
            }

            var cpuPerQuery = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / samples.Count;
            samples.Sort();
            cpuSamples.Sort();
            static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{corpus}: {search.AllPassages.Count} passages, {samples.Count} queries; wall clock: median {Percentile(samples, 0.5):0.000} ms, p95 {Percentile(samples, 0.95):0.000} ms, p99 {Percentile(samples, 0.99):0.000} ms, max {samples[^1]:0.000} ms; thread CPU: median {Percentile(cpuSamples, 0.5):0.000} ms, p95 {Percentile(cpuSamples, 0.95):0.000} ms, p99 {Percentile(cpuSamples, 0.99):0.000} ms, max {cpuSamples[^1]:0.000} ms; process CPU per query {cpuPerQuery:0.000} ms"));
        }
    }

    return 0;
}

var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).AsDefault());
BenchmarkSwitcher.FromAssembly(typeof(KnowledgeBenchmarks).Assembly).Run(args, config);
return 0;

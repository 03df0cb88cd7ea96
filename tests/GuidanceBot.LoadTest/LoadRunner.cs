using System.Diagnostics;

namespace GuidanceBot.LoadTest;

/// <summary>One request of a scenario: posts one activity and says whether the answer was right.</summary>
internal delegate Task<bool> Turn(HttpClient client, string conversationId, int iteration, CancellationToken cancellationToken);

/// <summary>What one measured phase saw.</summary>
internal sealed record PhaseResult(
    string Name, int Concurrency, int Requests, int Failures, TimeSpan Elapsed, double P50Ms, double P99Ms, TimeSpan ServerCpu, long PeakWorkingSet)
{
    /// <summary>Which round of the run this phase belongs to (see <see cref="LoadOptions.Rounds"/>).</summary>
    public int Round { get; init; }

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public double CpuMicrosecondsPerRequest => Requests == 0 ? 0 : ServerCpu.TotalMicroseconds / Requests;
}

/// <summary>
/// Drives N concurrent conversations against one server for a bounded time and number of requests,
/// timing every request and reading the server's own CPU clock before and after.
/// </summary>
internal static class LoadRunner
{
    public static async Task<PhaseResult> RunAsync(
        string name, Uri baseAddress, ServerProcess server, Turn turn, int concurrency, TimeSpan duration, int maxRequests)
    {
        using var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var issued = 0;
        using var stop = new CancellationTokenSource(duration);
        server.ResetPeak();
        var cpuBefore = server.CpuTime;
        var stopwatch = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var mine = latencies[worker] = [];
            var conversation = $"load-{name}-{worker}-{Guid.NewGuid():N}";
            for (var iteration = 0; !stop.IsCancellationRequested && Interlocked.Increment(ref issued) <= maxRequests; iteration++)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await turn(client, conversation, iteration, CancellationToken.None);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }
                catch (TaskCanceledException)
                {
                    ok = false;
                }

                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);

        stopwatch.Stop();
        var cpu = server.CpuTime - cpuBefore;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new PhaseResult(
            name, concurrency, all.Length, failures, stopwatch.Elapsed, Percentile(all, 0.50), Percentile(all, 0.99), cpu, server.PeakWorkingSet);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using GuidanceBot.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace GuidanceBot.LoadTest;

/// <summary>
/// The scenarios against the bot hosted in this process on ASP.NET Core's in-memory test server, one
/// request at a time: no sockets, no second process, no concurrency. What is left is the bot's own work
/// per turn — CPU time and bytes allocated — which varies far less between runs than the load figures,
/// so it is the tool for finding and checking a change; the load run gives the figures that count.
/// </summary>
internal static class InProcessRun
{
    private const int WarmupRequests = 3_000;

    public static async Task<string> RunAsync(string root, IReadOnlyList<string> questions, LoadOptions options, string dataFolder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = Path.Combine(root, "knowledge"),
            ["Knowledge:WatchForChanges"] = "false",
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Path"] = dataFolder,
            ["Logging:LogLevel:Default"] = "Warning",
            ["BotFramework:RateLimits:ConversationPermits"] = "100000000",
            ["BotFramework:RateLimits:GlobalPermits"] = "100000000",
        });
        builder.AddGuidanceBot();
        await using var app = builder.Build();
        app.MapBotEndpoints();
        await app.StartAsync();
        using var client = app.GetTestClient();

        var bareBuilder = WebApplication.CreateSlimBuilder();
        bareBuilder.Logging.ClearProviders();
        bareBuilder.WebHost.UseTestServer();
        await using var bare = bareBuilder.Build();
        BareEndpoint.Map(bare);
        await bare.StartAsync();
        using var bareClient = bare.GetTestClient();

        // The bare endpoint through the same client and test server: what is left over it is the bot's own work.
        var baseline = await MeasureAsync(bareClient, Scenarios.Bare, "bare", options.MaxRequests);
        var report = new StringBuilder();
        report.AppendLine("| scenario (in process, one request at a time) | requests | CPU µs/turn | over bare | KB allocated/turn | over bare | gen0 / gen1 / gen2 |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---|");
        report.AppendLine(Row("bare endpoint (same client and test server)", baseline, baseline));
        foreach (var (option, name, turn) in Scenarios.ForBot(questions).Where(s => options.Runs(s.Option)))
        {
            report.AppendLine(Row(name, await MeasureAsync(client, turn, option, options.MaxRequests), baseline));
        }

        await bare.StopAsync();
        await app.StopAsync();
        return report.ToString();
    }

    private static string Row(string name, Measurement m, Measurement bare) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {m.Requests} | {m.CpuMicroseconds:0} | {m.CpuMicroseconds - bare.CpuMicroseconds:0} | {m.AllocatedKb:0.0} | {m.AllocatedKb - bare.AllocatedKb:0.0} | {m.Gen0} / {m.Gen1} / {m.Gen2} |");

    private static async Task<Measurement> MeasureAsync(HttpClient client, Turn turn, string name, int requests)
    {
        await RunTurnsAsync(client, turn, name + "-warmup", WarmupRequests);
        GC.Collect();
        var (gen0, gen1, gen2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;

        var failures = await RunTurnsAsync(client, turn, name, requests);

        var measurement = new Measurement(
            requests,
            (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMicroseconds / requests,
            (GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1024.0 / requests,
            GC.CollectionCount(0) - gen0,
            GC.CollectionCount(1) - gen1,
            GC.CollectionCount(2) - gen2);
        return failures == 0 ? measurement : throw new InvalidOperationException($"{failures} of {requests} {name} requests failed in process.");
    }

    private sealed record Measurement(int Requests, double CpuMicroseconds, double AllocatedKb, int Gen0, int Gen1, int Gen2);

    /// <summary>Runs <paramref name="requests"/> turns in a few conversations, as the load run's scenarios do; returns the failures.</summary>
    private static async Task<int> RunTurnsAsync(HttpClient client, Turn turn, string name, int requests)
    {
        const int conversations = 8;
        var failures = 0;
        for (var i = 0; i < requests; i++)
        {
            var conversation = $"inproc-{name}-{i % conversations}";
            if (!await turn(client, conversation, i / conversations, CancellationToken.None))
            {
                failures++;
            }
        }

        return failures;
    }
}

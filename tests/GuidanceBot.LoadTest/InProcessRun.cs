using System.Globalization;
using System.Text;
using GuidanceBot.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace GuidanceBot.LoadTest;

/// <summary>
/// The scenarios against the bot hosted in this process on ASP.NET Core's in-memory test server, one
/// request at a time, each measured on the server side (<see cref="ServerTurnMeter"/>): the CPU time and the
/// bytes allocated by the turn itself — no sockets, no Kestrel, no client, no other request. These vary far
/// less between runs than the load figures, so they are the tool for finding and checking a change; the
/// load run gives the figures that count.
/// </summary>
internal static class InProcessRun
{
    private const int WarmupRequests = 3_000;

    public static async Task<string> RunAsync(string root, IReadOnlyList<string> questions, LoadOptions options, string dataFolder)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = root, EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(BotSettings.For(root, dataFolder, options.Storage, options.BotLogLevel)!);
        using var authenticated = options.Authenticated ? new AuthenticatedBot() : null;
        if (authenticated is not null)
        {
            builder.Configuration.AddInMemoryCollection(AuthenticatedBot.Settings);
        }

        builder.AddGuidanceBot();
        authenticated?.ServeSigningKeys(builder.Services);
        await using var app = builder.Build();
        var botMeter = new ServerTurnMeter();
        botMeter.Attach(app);
        app.MapBotEndpoints();
        await app.StartAsync();
        using var client = app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = authenticated?.Authorization;

        var bareBuilder = WebApplication.CreateSlimBuilder();
        bareBuilder.Logging.ClearProviders();
        bareBuilder.WebHost.UseTestServer();
        await using var bare = bareBuilder.Build();
        var bareMeter = new ServerTurnMeter();
        bareMeter.Attach(bare);
        BareEndpoint.Map(bare);
        await bare.StartAsync();
        using var bareClient = bare.GetTestClient();

        var report = new StringBuilder();
        var mode = authenticated is null ? "anonymous" : "token checked on every bot request";
        report.AppendLine(CultureInfo.InvariantCulture, $"| scenario (in process, one request at a time, server side; {mode}) | measured | changed thread | CPU µs/turn | KB allocated/turn |");
        report.AppendLine("|---|---:|---:|---:|---:|");
        report.AppendLine(Row("bare endpoint", await MeasureAsync(bareClient, bareMeter, Scenarios.Bare, "bare", options.MaxRequests)));
        foreach (var (option, name, turn) in Scenarios.ForBot(questions).Where(s => options.Runs(s.Option)))
        {
            report.AppendLine(Row(name, await MeasureAsync(client, botMeter, turn, option, options.MaxRequests)));
        }

        await bare.StopAsync();
        await app.StopAsync();
        return report.ToString();
    }

    private static string Row(string name, (long Requests, long ChangedThreads, double CpuMicroseconds, double AllocatedKb) m) =>
        string.Create(CultureInfo.InvariantCulture, $"| {name} | {m.Requests} | {m.ChangedThreads} | {m.CpuMicroseconds:0.0} | {m.AllocatedKb:0.0} |");

    private static async Task<(long, long, double, double)> MeasureAsync(HttpClient client, ServerTurnMeter meter, Turn turn, string name, int requests)
    {
        await RunTurnsAsync(client, turn, name + "-warmup", WarmupRequests);
        meter.Take();
        var failures = await RunTurnsAsync(client, turn, name, requests);
        return failures == 0 ? meter.Take() : throw new InvalidOperationException($"{failures} of {requests} {name} requests failed in process.");
    }

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

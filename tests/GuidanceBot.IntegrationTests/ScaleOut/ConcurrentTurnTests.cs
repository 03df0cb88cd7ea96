using System.Globalization;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.ScaleOut;

/// <summary>
/// Turns of one conversation at the same moment, spread over two instances that share state in Azurite.
/// Whatever the interleaving, the outcome must be that of some serial order: every turn is either applied
/// exactly once (and answered with its place in that order) or not applied at all (and answered with
/// "try again") — no write vanishes, no reply is doubled by a re-run.
/// </summary>
public sealed class ConcurrentTurnTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Turns_TwoAtOnceOnTwoInstances_BothAppliedAfterOneRerun()
    {
        var outcome = await RunAsync(turns: 2, overlapAtStart: 2);

        Assert.Equal(2, outcome.Applied.Count);
        Assert.Equal(1, outcome.Reruns);
    }

    [SkippableFact]
    public async Task Turns_ManyInParallelOnTwoInstances_OutcomeEqualsASerialRun()
    {
        const int Turns = 24;
        const int Overlap = 4;

        var outcome = await RunAsync(Turns, Overlap);

        output.WriteLine($"{Turns} turns at once: {outcome.Applied.Count} applied, {outcome.Refused} asked to try again, {outcome.Reruns} re-runs after a conflict.");
        Assert.True(outcome.Applied.Count >= 1, "At least one turn must win.");
        Assert.True(outcome.Reruns >= Overlap - 1, $"Expected at least {Overlap - 1} re-runs, saw {outcome.Reruns}.");
    }

    /// <summary>
    /// Posts <paramref name="turns"/> messages at once, alternating between the instances, and checks the
    /// serial-outcome invariants; the first <paramref name="overlapAtStart"/> turns are made to load the
    /// same state before any of them saves.
    /// </summary>
    private static async Task<Outcome> RunAsync(int turns, int overlapAtStart)
    {
        var ledger = new TurnLedger { OverlapAtStart = overlapAtStart };
        using var cluster = ScaleOutCluster.Start(2, configure: host => host.ConfigureServices = services =>
        {
            // The real clock, so that re-runs pause as in production (a few random milliseconds) and spread out.
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<IBot>(provider => new CountingBot(
                provider.GetRequiredService<IStorage>(), provider.GetRequiredService<IOptions<BotStateOptions>>(), ledger));
        });
        var clients = cluster.Hosts.Select(h => h.CreateClient()).ToList();
        var conversationId = "conv-" + Guid.NewGuid().ToString("N");
        var activities = Enumerable.Range(0, turns).Select(_ => TestActivities.Message("tel mee", conversationId)).ToList();

        var responses = await Task.WhenAll(activities.Select((activity, i) => clients[i % 2].PostActivityAsync(activity)));

        var replies = cluster.Hosts.SelectMany(h => h.Connector.Requests).Select(r => JsonNode.Parse(r.Body)!).ToList();
        var repliesByTurn = activities.ToDictionary(
            a => (string)a["id"]!,
            a => replies.Where(r => (string?)r["replyToId"] == (string?)a["id"]).Select(r => (string)r["text"]!).ToList());
        var applied = repliesByTurn
            .Where(t => t.Value is [var text] && text.StartsWith(CountingBot.ReplyPrefix, StringComparison.Ordinal))
            .ToDictionary(t => t.Key, t => int.Parse(t.Value[0][CountingBot.ReplyPrefix.Length..], CultureInfo.InvariantCulture));
        var refused = repliesByTurn.Count(t => t.Value is [GuidanceTexts.TurnConflict]);
        var stored = await ReadStoredAsync(cluster, conversationId);

        Assert.All(responses, r => Assert.True(r.IsSuccessStatusCode, $"HTTP {(int)r.StatusCode}"));
        Assert.True(applied.Count + refused == turns, "Every turn gets exactly one reply: its count, or 'try again'.");
        Assert.Equal(Enumerable.Range(1, applied.Count), applied.Values.Order());
        Assert.Equal(applied.Count, stored.Count);
        Assert.Equal(applied.Keys.Order(StringComparer.Ordinal), stored.AppliedActivityIds.Order(StringComparer.Ordinal));
        return new Outcome(applied, refused, ledger.Runs - turns);
    }

    private static async Task<CounterState> ReadStoredAsync(ScaleOutCluster cluster, string conversationId)
    {
        var services = cluster.Hosts[0].Services;
        var reader = new CountingBot(
            services.GetRequiredService<IStorage>(), services.GetRequiredService<IOptions<BotStateOptions>>(), new TurnLedger());
        var probe = new TurnContext(
            new Activity { ChannelId = "msteams", Conversation = new ConversationAccount { Id = conversationId } },
            new RecordingConnector());
        return await reader.ReadAsync(probe, CancellationToken.None);
    }

    /// <summary>Applied turns (activity id → the count it answered), how many were refused, and the re-runs it took.</summary>
    private sealed record Outcome(IReadOnlyDictionary<string, int> Applied, int Refused, int Reruns);
}

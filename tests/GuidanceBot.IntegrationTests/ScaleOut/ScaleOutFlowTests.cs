using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.IntegrationTests.Flows;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using static GuidanceBot.Testing.ExpectedReply;

namespace GuidanceBot.IntegrationTests.ScaleOut;

/// <summary>
/// Two instances behind a (simulated) load balancer serve one conversation turn by turn, with encrypted
/// state in one Azurite container: the flow finishes with every answer, whichever instance took it.
/// </summary>
public sealed class ScaleOutFlowTests
{
    private static readonly IReadOnlyList<SignalDomain> Domains = SignalDomains.All;

    [SkippableFact]
    public async Task Signaleren_TurnsAlternateBetweenTwoInstances_SummaryHoldsEveryAnswer()
    {
        using var cluster = ScaleOutCluster.Start(2);
        var clients = cluster.Hosts.Select(h => h.CreateClient()).ToList();
        var runner = new ScriptRunner(clients[0], "conv-" + Guid.NewGuid().ToString("N"));
        var ticked = Domains.Select(d => d.Signals[^1]).ToList();

        var turn = 0;
        await runner.WithClient(clients[turn++ % 2]).RunAsync([new Say("signaleren", Card(CardId(0)))]);
        for (var i = 0; i < Domains.Count; i++)
        {
            var next = i + 1 < Domains.Count ? Card(CardId(i + 1)) : Card("signaleren.lvb");
            await runner.WithClient(clients[turn++ % 2]).RunAsync(
                [new Click(CardId(i), FlowTexts.Next, next) { Inputs = new Dictionary<string, string> { [ticked[i].Id] = "true" } }]);
        }

        await runner.WithClient(clients[turn++ % 2]).RunAsync([new Click("signaleren.lvb", FlowTexts.Yes, Text("Wil je nog een korte notitie"))]);
        var last = await runner.WithClient(clients[turn % 2]).SendAsync(new Say("nee"));

        var summary = AllText(last[0].Card()!);
        Assert.Equal(SignalerenSummaryCard.Id, last[0].CardId());
        Assert.All(ticked, signal => Assert.Contains(signal.Label, summary, StringComparison.Ordinal));
        Assert.Contains(SignalerenTexts.Counted(Domains.Count, Domains.Count), summary, StringComparison.Ordinal);
        Assert.Contains(SignalerenTexts.LvbTipsTitle, summary, StringComparison.Ordinal);
        // The flow state is gone; what is left is the user's latest summary outcome (for the message extension).
        Assert.Empty(await cluster.ReadRawStateBlobsAsync(AzureBlobStorage.StatePrefix + "conversation/"));
        Assert.Single(await cluster.ReadRawStateBlobsAsync(AzureBlobStorage.StatePrefix + LastSummaries.KeyPrefix + "/"));
    }

    [SkippableFact]
    public async Task State_WrittenByOneInstance_IsEncryptedAndReadByTheOther()
    {
        using var cluster = ScaleOutCluster.Start(2);
        var first = cluster.Hosts[0].CreateClient();
        var second = cluster.Hosts[1].CreateClient();
        var runner = new ScriptRunner(first, "conv-" + Guid.NewGuid().ToString("N"));
        var signal = Domains[0].Signals[0];
        await runner.RunAsync(
        [
            new Say("signaleren", Card(CardId(0))),
            new Click(CardId(0), FlowTexts.Next, Card(CardId(1))) { Inputs = new Dictionary<string, string> { [signal.Id] = "true" } },
        ]);

        var raw = Encoding.UTF8.GetString(Assert.Single(await cluster.ReadRawStateBlobsAsync()));
        await runner.WithClient(second).RunAsync([new Click(CardId(1), FlowTexts.Next, Card(CardId(2)))]);

        Assert.DoesNotContain(signal.Id, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(SignalerenDialog), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("dialogStack", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("schemaVersion", raw, StringComparison.OrdinalIgnoreCase);
        Assert.True((await cluster.Container.GetBlobClient("dataprotection/keys.xml").ExistsAsync()).Value);
    }

    [SkippableFact]
    public async Task Flow_StartedWithAKeyTheOtherInstanceHasNotLoaded_GoesOnThere()
    {
        // Instances that created a first key at the same moment: the second had cached the ring with its own key (and
        // is past Data Protection's two-minute reload window) when the first, which loaded the ring with a newer key
        // (made by a third), started a flow with that key.
        using var cluster = ScaleOutCluster.Start(3);
        var second = cluster.Hosts[1].CreateClient();
        await new ScriptRunner(second, "conv-" + Guid.NewGuid().ToString("N")).RunAsync([new Say("melden", Card("melden.acuteDanger"))]);
        DataProtectionInstances.PastStartupRefreshWindow(cluster.Hosts[1].Services);
        DataProtectionInstances.AddNewerKey(cluster.Hosts[2].Services);
        var runner = new ScriptRunner(cluster.Hosts[0].CreateClient(), "conv-" + Guid.NewGuid().ToString("N"));
        await runner.RunAsync([new Say("melden", Card("melden.acuteDanger"))]);

        await runner.WithClient(second).RunAsync([new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps"))]);
    }

    private static string CardId(int domain) => "signaleren.domain." + Domains[domain].Id;

    private static string AllText(JsonNode node) => node switch
    {
        JsonObject obj => string.Join("\n", obj.Select(p => p.Value is null ? string.Empty : AllText(p.Value))),
        JsonArray array => string.Join("\n", array.Select(i => i is null ? string.Empty : AllText(i))),
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => string.Empty,
    };
}

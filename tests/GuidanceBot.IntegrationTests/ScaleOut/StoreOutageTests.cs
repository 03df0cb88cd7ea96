using System.Net;
using GuidanceBot.Guidance;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.IntegrationTests.Flows;
using GuidanceBot.Testing;
using static GuidanceBot.Testing.ExpectedReply;

namespace GuidanceBot.IntegrationTests.ScaleOut;

/// <summary>
/// The state store goes away in the middle of a conversation (connections reset, new ones refused) and
/// comes back: the instance says it is not ready, apologizes for the turns it cannot do, keeps running,
/// and afterwards the conversation goes on from where it was — nothing lost, nothing half-written.
/// </summary>
public sealed class StoreOutageTests
{
    [SkippableFact]
    public async Task Turn_DuringStoreOutage_ApologizesAndStateIsIntactAfterwards()
    {
        var connectionString = Azurite.RequireConnectionString();
        await using var gate = new TcpGate(Azurite.BlobEndpoint(connectionString));
        using var cluster = ScaleOutCluster.Start(1, gate);
        var client = cluster.Hosts[0].CreateClient();
        var runner = new ScriptRunner(client, "conv-" + Guid.NewGuid().ToString("N"));
        await runner.RunAsync(
        [
            new Say("melden", Card("melden.acuteDanger")),
            new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
        ]);
        var readyBefore = await client.GetAsync("/readyz");

        gate.Close();
        var readyDuring = await client.GetAsync("/readyz");
        var during = await runner.SendAsync(new Click("melden.steps", FlowTexts.Next));
        var aliveDuring = await client.GetAsync("/healthz");
        gate.Open();
        var readyAfter = await client.GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, readyBefore.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuring.StatusCode);
        Assert.Equal(GuidanceTexts.StoreUnavailable, (string?)Assert.Single(during)["text"]);
        Assert.Equal(HttpStatusCode.OK, aliveDuring.StatusCode);
        Assert.Equal(HttpStatusCode.OK, readyAfter.StatusCode);
        await runner.RunAsync([new Click("melden.steps", FlowTexts.Next, Card("melden.afweging"))]);
        Assert.True(gate.Forwarded > 0);
    }
}

using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.IntegrationTests.Flows;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GuidanceBot.Testing.ExpectedReply;

namespace GuidanceBot.IntegrationTests.ScaleOut;

/// <summary>
/// A state save that lands while its answer is lost, and whose retries then fail too: the store reports an outage
/// although the write happened. What the user sees then, and on the next turn.
/// </summary>
public sealed class LostWriteAnswerTests
{
    [SkippableFact]
    public async Task Click_SaveLandedButEveryAnswerLost_ApologizesAndTheSameCardIsThenStale()
    {
        var lossy = new LoseAnswerThenFailEverything();
        using var cluster = ScaleOutCluster.Start(1, configure: host => host.ConfigureServices = services =>
            services.AddKeyedSingleton(StorageServiceCollectionExtensions.ProviderStoreKey, (provider, _) => Lossy(provider, lossy)));
        var client = cluster.Hosts[0].CreateClient();
        var runner = new ScriptRunner(client, "conv-" + Guid.NewGuid().ToString("N"));
        await runner.RunAsync(
        [
            new Say("melden", Card("melden.acuteDanger")),
            new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
        ]);

        lossy.Armed = true;
        var lost = await runner.SendAsync(new Click("melden.steps", FlowTexts.Next));
        lossy.Armed = false;

        Assert.True(lossy.Lost, "the test should have lost the answer to the save");
        Assert.Equal(GuidanceTexts.StoreUnavailable, (string?)Assert.Single(lost)["text"]);
        // The save had landed: the flow waits on the card the user never got, so the card they did get is stale now,
        // and typing "verder" brings the missing card back.
        await runner.RunAsync(
        [
            new Click("melden.steps", FlowTexts.Next, Text(FlowTexts.StaleCard(FlowCatalog.Melden.Name))),
            new Say("verder", Card("melden.afweging")),
        ]);
    }

    private static BlobContainerClient Lossy(IServiceProvider provider, LoseAnswerThenFailEverything lossy)
    {
        var options = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
        var clientOptions = new BlobClientOptions();
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(10);
        clientOptions.AddPolicy(lossy, HttpPipelinePosition.PerRetry);
        return new BlobServiceClient(options.ConnectionString, clientOptions).GetBlobContainerClient(options.Container);
    }

    /// <summary>
    /// While armed: the first conditional Put reaches the service and its answer is lost; every request after it
    /// (the client's retries, the look for its own write id) fails as if the store had gone away.
    /// </summary>
    private sealed class LoseAnswerThenFailEverything : HttpPipelinePolicy
    {
        private volatile bool _armed;
        private volatile bool _lost;

        public bool Armed
        {
            get => _armed;
            set
            {
                _lost = _lost && value;
                _armed = value;
            }
        }

        public bool Lost { get; private set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (_armed && _lost)
            {
                throw new IOException("The store cannot be reached.");
            }

            await ProcessNextAsync(message, pipeline);
            var request = message.Request;
            if (_armed && request.Method == RequestMethod.Put
                && (request.Headers.Contains("If-Match") || request.Headers.Contains("If-None-Match")))
            {
                _lost = true;
                Lost = true;
                throw new IOException("The answer to the save was lost.");
            }
        }
    }
}

using Azure.Storage.Blobs;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>The storage contract against Azurite, plus what is particular to blobs. Each store gets a container of its own.</summary>
public sealed class AzureBlobStorageTests : StorageContractTests, IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(24);

    private readonly List<BlobContainerClient> _containers = [];

    public void Dispose()
    {
        foreach (var container in _containers)
        {
            container.DeleteIfExists();
        }
    }

    protected override IStorage CreateStorage() => new AzureBlobStorage(NewContainer(), Time);

    [Fact]
    public void BlobName_ConversationKey_KeepsKindAndHashesTheRest()
    {
        var name = AzureBlobStorage.BlobName("conversation/19:abc@thread.v2;messageid=1");

        Assert.Matches("^state/conversation/[0-9a-f]{64}$", name);
        Assert.DoesNotContain("19:abc", name, StringComparison.Ordinal);
    }

    [Fact]
    public void BlobName_KeyWithoutPlainKind_UsesItem()
    {
        var name = AzureBlobStorage.BlobName("Weird Kind/../x");

        Assert.Matches("^state/item/[0-9a-f]{64}$", name);
    }

    [Fact]
    public void BlobName_DifferentKeys_DifferentNames()
    {
        var first = AzureBlobStorage.BlobName("conversation/a");

        var second = AzureBlobStorage.BlobName("conversation/b");

        Assert.NotEqual(first, second);
    }

    [SkippableFact]
    public async Task Write_NewItem_StoresExpiryInMetadataUnderStatePrefix()
    {
        var container = NewContainer();
        var storage = new AzureBlobStorage(container, Time);

        await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);

        var blob = container.GetBlobClient(AzureBlobStorage.BlobName("conversation/a"));
        var properties = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal((Time.GetUtcNow() + Ttl).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), properties.Metadata[AzureBlobStorage.ExpiresAtMetadata]);
        Assert.StartsWith(AzureBlobStorage.StatePrefix, blob.Name, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Read_ExpiredItem_DeletesTheBlob()
    {
        var container = NewContainer();
        var storage = new AzureBlobStorage(container, Time);
        await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));

        await storage.ReadAsync("conversation/a", CancellationToken.None);

        Assert.False((await container.GetBlobClient(AzureBlobStorage.BlobName("conversation/a")).ExistsAsync()).Value);
    }

    [SkippableFact]
    public async Task Write_FromSecondInstanceOnSameContainer_ConflictIsDetected()
    {
        var container = NewContainer();
        var first = new AzureBlobStorage(container, Time);
        var second = new AzureBlobStorage(new BlobContainerClient(Azurite.RequireConnectionString(), container.Name), Time);
        var eTag = await first.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        await first.WriteAsync("conversation/a", "2", eTag, Ttl, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => second.WriteAsync("conversation/a", "3", eTag, Ttl, CancellationToken.None));

        Assert.Equal("2", (await second.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [SkippableFact]
    public async Task Write_ContainerMissing_CreatesIt()
    {
        var container = NewContainer();
        var storage = new AzureBlobStorage(container, Time);

        await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);

        Assert.True((await container.ExistsAsync()).Value);
    }

    [SkippableFact]
    public async Task ReadAndWrite_StoreUnreachable_ThrowUnavailable()
    {
        var connectionString = Azurite.RequireConnectionString();
        await using var gate = new TcpGate(Azurite.BlobEndpoint(connectionString));
        gate.Close();
        var container = new BlobContainerClient(Azurite.WithBlobPort(connectionString, gate.Port), Azurite.NewContainerName("unreachable"), QuickClientOptions());
        var storage = new AzureBlobStorage(container, Time);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync("conversation/a", CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None));
        await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ProbeAsync(CancellationToken.None));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Write_AnswerLostAndPutRetried_IsTheWriteNotAConflict(bool create)
    {
        // The first conditional Put lands, its answer does not: the client's retry then meets its own new version.
        var container = NewContainer();
        // The container exists already: the answer lost must be that of the Put that writes the blob.
        await container.CreateIfNotExistsAsync();
        var setup = new AzureBlobStorage(container, Time);
        var eTag = create ? null : await setup.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        var lossy = new LoseFirstConditionalAnswer(Azure.Core.RequestMethod.Put);
        var options = QuickClientOptions();
        options.AddPolicy(lossy, Azure.Core.HttpPipelinePosition.PerRetry);
        var storage = new AzureBlobStorage(new BlobContainerClient(Azurite.RequireConnectionString(), container.Name, options), Time);

        var written = await storage.WriteAsync("conversation/a", "2", eTag, Ttl, CancellationToken.None);

        Assert.True(lossy.Lost, "the test should have lost one answer");
        Assert.Equal("2", (await setup.ReadAsync("conversation/a", CancellationToken.None))!.Value);
        // The ETag handed out is the stored version's: the next turn's write with it goes through.
        await storage.WriteAsync("conversation/a", "3", written, Ttl, CancellationToken.None);
        Assert.Equal("3", (await setup.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [SkippableFact]
    public async Task DeleteWithETag_AnswerLostAndDeleteRetried_IsTheDeleteNotAConflict()
    {
        // The first conditional Delete lands, its answer does not: the client's retry then finds nothing to delete.
        var container = NewContainer();
        var setup = new AzureBlobStorage(container, Time);
        var eTag = await setup.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        var lossy = new LoseFirstConditionalAnswer(Azure.Core.RequestMethod.Delete);
        var options = QuickClientOptions();
        options.AddPolicy(lossy, Azure.Core.HttpPipelinePosition.PerRetry);
        var storage = new AzureBlobStorage(new BlobContainerClient(Azurite.RequireConnectionString(), container.Name, options), Time);

        await storage.DeleteAsync("conversation/a", eTag, CancellationToken.None);

        Assert.True(lossy.Lost, "the test should have lost one answer");
        Assert.False(await container.GetBlobClient(AzureBlobStorage.BlobName("conversation/a")).ExistsAsync(), "no blob should be left");
        Assert.Null(await setup.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Read_ExpiredAndTheDeleteFails_IsAbsent()
    {
        var container = NewContainer();
        var setup = new AzureBlobStorage(container, Time);
        await setup.WriteAsync("summary/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(2));
        var options = QuickClientOptions();
        options.AddPolicy(new FailDeletes(), Azure.Core.HttpPipelinePosition.PerRetry);
        var storage = new AzureBlobStorage(new BlobContainerClient(Azurite.RequireConnectionString(), container.Name, options), Time);

        var read = await storage.ReadAsync("summary/a", CancellationToken.None);

        Assert.Null(read);
        Assert.True(await container.GetBlobClient(AzureBlobStorage.BlobName("summary/a")).ExistsAsync(), "the delete should have failed");
    }

    [SkippableFact]
    public async Task Write_RefusedAndTheBlobIsSomeoneElses_IsStillAConflict()
    {
        var container = NewContainer();
        var storage = new AzureBlobStorage(container, Time);
        var eTag = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        await storage.WriteAsync("conversation/a", "2", eTag, Ttl, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync("conversation/a", "3", eTag, Ttl, CancellationToken.None));
        await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync("conversation/a", "4", null, Ttl, CancellationToken.None));
    }

    private static BlobClientOptions QuickClientOptions()
    {
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        return options;
    }

    /// <summary>Every Delete fails as if the service could not be reached.</summary>
    private sealed class FailDeletes : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Method == Azure.Core.RequestMethod.Delete)
            {
                throw new IOException("Delete failed.");
            }
        }
    }

    private BlobContainerClient NewContainer()
    {
        var container = Azurite.Container(Azurite.NewContainerName("contract"));
        _containers.Add(container);
        return container;
    }
}

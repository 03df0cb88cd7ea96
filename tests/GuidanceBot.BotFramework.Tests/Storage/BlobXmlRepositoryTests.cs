using System.Xml.Linq;
using Azure.Storage.Blobs;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>The Data Protection key ring in a blob, shared by instances (Azurite).</summary>
public sealed class BlobXmlRepositoryTests : IDisposable
{
    private BlobContainerClient? _container;

    public void Dispose() => _container?.DeleteIfExists();

    [SkippableFact]
    public void GetAllElements_NoKeyRingYet_ReturnsNone()
    {
        var repository = new BlobXmlRepository(Container());

        var elements = repository.GetAllElements();

        Assert.Empty(elements);
    }

    [SkippableFact]
    public void StoreElement_FromTwoInstances_BothKeysAreKept()
    {
        var container = Container();
        var first = new BlobXmlRepository(container);
        var second = new BlobXmlRepository(new BlobContainerClient(Azurite.RequireConnectionString(), container.Name));

        Parallel.For(0, 8, i => (i % 2 == 0 ? first : second).StoreElement(Key(i), "key-" + i));

        var ids = new BlobXmlRepository(container).GetAllElements().Select(e => (string?)e.Attribute("id")).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => "key-" + i), ids);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void StoreElement_AnswerLostAndPutRetried_StoresTheKeyOnce(bool ringExists)
    {
        // The first conditional Put lands, its answer does not, and the client's retry gets 412 from its own write.
        // A key id twice in the ring makes Data Protection refuse the whole ring, on every instance.
        var container = Container();
        container.CreateIfNotExists();
        if (ringExists)
        {
            new BlobXmlRepository(container).StoreElement(Key(0), "key-0");
        }

        var lossy = new LoseFirstConditionalAnswer(Azure.Core.RequestMethod.Put);
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        options.AddPolicy(lossy, Azure.Core.HttpPipelinePosition.PerRetry);
        var repository = new BlobXmlRepository(new BlobContainerClient(Azurite.RequireConnectionString(), container.Name, options));

        repository.StoreElement(Key(1), "key-1");

        Assert.True(lossy.Lost, "the test should have lost one answer");
        var ids = new BlobXmlRepository(container).GetAllElements().Select(e => (string?)e.Attribute("id"));
        Assert.Equal(ringExists ? ["key-0", "key-1"] : ["key-1"], ids);
    }

    [SkippableFact]
    public async Task GetAllElements_StoreUnreachable_ThrowsInsteadOfAnsweringNone()
    {
        var connectionString = Azurite.RequireConnectionString();
        await using var gate = new TcpGate(Azurite.BlobEndpoint(connectionString));
        gate.Close();
        var options = new BlobClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(10);
        var repository = new BlobXmlRepository(
            new BlobContainerClient(Azurite.WithBlobPort(connectionString, gate.Port), Azurite.NewContainerName("keys"), options));

        Assert.Throws<StorageUnavailableException>(() => repository.GetAllElements());
    }

    private static XElement Key(int i) => new("key", new XAttribute("id", "key-" + i));

    private BlobContainerClient Container() =>
        _container = Azurite.Container(Azurite.NewContainerName("keys"));
}

using Azure.Storage.Blobs;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.ScaleOut;

/// <summary>
/// Several real hosts (each a <see cref="BotApplicationFactory"/>, as separate instances behind a load
/// balancer would be) sharing one Azure Blob Storage container on Azurite, optionally reached through a
/// <see cref="TcpGate"/>. The test reads the container directly through <see cref="Container"/>.
/// </summary>
public sealed class ScaleOutCluster : IDisposable
{
    private ScaleOutCluster(IReadOnlyList<BotApplicationFactory> hosts, BlobContainerClient container)
    {
        Hosts = hosts;
        Container = container;
    }

    public IReadOnlyList<BotApplicationFactory> Hosts { get; }

    /// <summary>The shared container, reached directly (not through the gate).</summary>
    public BlobContainerClient Container { get; }

    /// <summary>
    /// Starts <paramref name="instances"/> hosts on a new container. Skips (locally) or fails (CI) without Azurite.
    /// </summary>
    public static ScaleOutCluster Start(int instances, TcpGate? gate = null, Action<BotApplicationFactory>? configure = null)
    {
        var connectionString = Azurite.RequireConnectionString();
        var container = Azurite.NewContainerName("scaleout");
        var hostConnectionString = gate is null ? connectionString : Azurite.WithBlobPort(connectionString, gate.Port);
        var hosts = Enumerable.Range(0, instances).Select(_ =>
        {
            var host = new BotApplicationFactory().UseAzureBlob(hostConnectionString, container);
            configure?.Invoke(host);
            return host;
        }).ToList();
        return new ScaleOutCluster(hosts, new BlobContainerClient(connectionString, container));
    }

    /// <summary>Every state blob's raw bytes (or those under <paramref name="prefix"/>), as the storage account holds them.</summary>
    public async Task<IReadOnlyList<byte[]>> ReadRawStateBlobsAsync(string prefix = AzureBlobStorage.StatePrefix)
    {
        var contents = new List<byte[]>();
        await foreach (var item in Container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            contents.Add((await Container.GetBlobClient(item.Name).DownloadContentAsync()).Value.Content.ToArray());
        }

        return contents;
    }

    public void Dispose()
    {
        foreach (var host in Hosts)
        {
            host.Dispose();
        }

        Container.DeleteIfExists();
    }
}

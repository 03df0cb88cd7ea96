using System.Net;
using GuidanceBot.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary><c>GET /readyz</c> for the embedded stores (the Azure Blob outage is in ScaleOut/StoreOutageTests).</summary>
public sealed class ReadinessTests : IDisposable
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "guidancebot-ready-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataFolder))
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Memory")]
    [InlineData("Sqlite")]
    public async Task Readyz_EmbeddedStore_IsReady(string provider)
    {
        using var factory = new BotApplicationFactory();
        factory.Settings["Storage:Provider"] = provider;
        factory.Settings["Storage:Path"] = _dataFolder;

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_SqliteFolderCannotBeCreated_IsNotReady()
    {
        var blocker = Path.Combine(Path.GetTempPath(), "guidancebot-blocker-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be");
        using var factory = new BotApplicationFactory();
        factory.Settings["Storage:Provider"] = "Sqlite";
        factory.Settings["Storage:Path"] = Path.Combine(blocker, "data");

        var response = await factory.CreateClient().GetAsync("/readyz");

        File.Delete(blocker);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

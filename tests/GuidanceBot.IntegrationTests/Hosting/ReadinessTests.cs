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
        Directory.CreateDirectory(_dataFolder);
        var blocker = Path.Combine(_dataFolder, "a-file-where-a-folder-should-be");
        await File.WriteAllTextAsync(blocker, string.Empty);
        using var factory = new BotApplicationFactory();
        factory.Settings["Storage:Provider"] = "Sqlite";
        factory.Settings["Storage:Path"] = Path.Combine(blocker, "data");

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}

using System.Net;
using GuidanceBot.Guidance;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
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

    [Fact]
    public async Task Readyz_KeyRingCannotBeLoaded_IsNotReady()
    {
        // The store answers, but every turn fails because no state can be encrypted: a key file that is not XML
        // (a restore cut short, a hand edit) makes Data Protection refuse the whole ring.
        var keys = Directory.CreateDirectory(Path.Combine(_dataFolder, "keys"));
        await File.WriteAllTextAsync(Path.Combine(keys.FullName, "key-7b2d1c9e-0000-4000-8000-000000000000.xml"), "<key id=");
        using var factory = new BotApplicationFactory();
        factory.Settings["Storage:Provider"] = "Sqlite";
        factory.Settings["Storage:Path"] = _dataFolder;
        var client = factory.CreateClient();

        var turn = await client.PostActivityAsync(TestActivities.Message("melden", expectReplies: true));
        var ready = await client.GetAsync("/readyz");

        Assert.Equal(GuidanceTexts.StoreUnavailable, (string?)Assert.Single(await turn.ReadRepliesAsync())["text"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }
}

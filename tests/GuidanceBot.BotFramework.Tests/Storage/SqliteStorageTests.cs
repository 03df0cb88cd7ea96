using GuidanceBot.BotFramework.Storage;
using Microsoft.Data.Sqlite;

namespace GuidanceBot.BotFramework.Tests.Storage;

public sealed class SqliteStorageTests : StorageContractTests, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "guidancebot-sqlite-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override IStorage CreateStorage() => new SqliteStorage(DatabasePath, Time);

    private string DatabasePath => Path.Combine(_folder, SqliteStorage.DefaultFileName);

    [Fact]
    public async Task Read_FromSecondInstanceOnSameFile_SeesTheWrite()
    {
        var first = new SqliteStorage(DatabasePath, Time);
        var eTag = await first.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);

        var second = new SqliteStorage(DatabasePath, Time);
        var item = await second.ReadAsync("conversation/a", CancellationToken.None);

        Assert.Equal(eTag, item!.ETag);
    }

    [Fact]
    public async Task Write_ConflictAcrossInstancesOnSameFile_IsDetected()
    {
        var first = new SqliteStorage(DatabasePath, Time);
        var second = new SqliteStorage(DatabasePath, Time);
        var eTag = await first.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        await first.WriteAsync("conversation/a", "2", eTag, TimeSpan.FromHours(1), CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => second.WriteAsync("conversation/a", "3", eTag, TimeSpan.FromHours(1), CancellationToken.None));
    }

    [Fact]
    public void Constructor_NewFolder_CreatesDatabaseInWalMode()
    {
        _ = new SqliteStorage(DatabasePath, Time);

        using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)command.ExecuteScalar());
    }
}

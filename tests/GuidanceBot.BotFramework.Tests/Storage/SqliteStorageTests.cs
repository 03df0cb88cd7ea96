using GuidanceBot.BotFramework.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

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
    public async Task PurgeExpired_RemovesExpiredRowsFromTheFileAndKeepsLiveOnes()
    {
        using var storage = new SqliteStorage(DatabasePath, Time);
        await storage.WriteAsync("conversation/old", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        await storage.WriteAsync("conversation/live", "2", null, TimeSpan.FromHours(3), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(2));

        await storage.PurgeExpiredAsync(CancellationToken.None);

        Assert.Equal(["conversation/live"], RowKeys());
        Assert.Equal("2", (await storage.ReadAsync("conversation/live", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task ExpiredStatePurge_InstanceWithoutTurns_EmptiesTheFileAtTheNextInterval()
    {
        using var storage = new SqliteStorage(DatabasePath, Time);
        await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromMinutes(1), CancellationToken.None);
        using var purge = NewPurge(_ => storage);
        await purge.StartAsync(CancellationToken.None);

        Time.Advance(SqliteStorage.PurgeInterval);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((long)Execute("SELECT count(*) FROM items")! > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(0L, Execute("SELECT count(*) FROM items"));
        await purge.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExpiredStatePurge_StoreThatCannotBeOpened_KeepsRunningAndNeverStopsTheHost()
    {
        var attempts = 0;
        using var purge = NewPurge(_ =>
        {
            Interlocked.Increment(ref attempts);
            throw new IOException("The data folder cannot be created.");
        });
        await purge.StartAsync(CancellationToken.None);

        for (var tick = 1; tick <= 2; tick++)
        {
            Time.Advance(SqliteStorage.PurgeInterval);
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (Volatile.Read(ref attempts) < tick && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        Assert.Equal(2, Volatile.Read(ref attempts));
        Assert.False(purge.ExecuteTask!.IsCompleted, "the purge loop should still be running");
        await purge.StopAsync(CancellationToken.None);
    }

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
    public async Task ManyTurnsAtOnce_EveryWriteAndConflictIsKept()
    {
        using var storage = new SqliteStorage(DatabasePath, Time);

        // Far more concurrent callers than connections, each creating, updating and losing a race.
        await Parallel.ForEachAsync(Enumerable.Range(0, 64), async (i, cancellationToken) =>
        {
            var key = $"conversation/{i}";
            var first = await storage.WriteAsync(key, "a", null, TimeSpan.FromHours(1), cancellationToken);
            var second = await storage.WriteAsync(key, "b" + i, first, TimeSpan.FromHours(1), cancellationToken);
            await Assert.ThrowsAsync<StorageConflictException>(() => storage.WriteAsync(key, "stale", first, TimeSpan.FromHours(1), cancellationToken));
            Assert.Equal(second, (await storage.ReadAsync(key, cancellationToken))!.ETag);
        });

        for (var i = 0; i < 64; i++)
        {
            Assert.Equal("b" + i, (await storage.ReadAsync($"conversation/{i}", CancellationToken.None))!.Value);
        }
    }

    [Fact]
    public async Task Write_FileLockedByAnotherProcess_FailsUnavailableWithinTheTimeoutAndKeepsTheData()
    {
        using var storage = new SqliteStorage(DatabasePath, Time, TimeSpan.FromSeconds(1));
        var eTag = await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);

        using (HoldWriteLock())
        {
            // Task.Run: the busy wait happens synchronously inside WriteAsync. The 10 s only catches a wait that is not bounded.
            var blocked = Task.Run(() => storage.WriteAsync("conversation/a", "2", eTag, TimeSpan.FromHours(1), CancellationToken.None));
            await Assert.ThrowsAsync<StorageUnavailableException>(() => blocked.WaitAsync(TimeSpan.FromSeconds(10)));
        }

        var kept = await storage.ReadAsync("conversation/a", CancellationToken.None);
        var next = await storage.WriteAsync("conversation/a", "3", eTag, TimeSpan.FromHours(1), CancellationToken.None);

        Assert.Equal(("1", eTag), (kept!.Value, kept.ETag));
        Assert.Equal("3", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
        Assert.NotEqual(eTag, next);
    }

    [Fact]
    public async Task Read_ExpiredWhileFileLockedByAnotherProcess_IsAbsentAndPurgedLater()
    {
        using var storage = new SqliteStorage(DatabasePath, Time, TimeSpan.FromSeconds(1));
        await storage.WriteAsync("summary/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(2));

        StorageItem? during;
        using (HoldWriteLock())
        {
            // The read itself works; only removing the expired row has to wait for the lock, and may give up.
            during = await Task.Run(() => storage.ReadAsync("summary/a", CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Null(during);
        Assert.Equal(["summary/a"], RowKeys());
        await storage.PurgeExpiredAsync(CancellationToken.None);
        Assert.Empty(RowKeys());
    }

    [Fact]
    public async Task Write_ManyWhileFileLockedByAnotherProcess_EachFailsUnavailableWithoutQueueingBehindTheOthers()
    {
        using var storage = new SqliteStorage(DatabasePath, Time, TimeSpan.FromSeconds(1));
        using var locker = HoldWriteLock();

        // Waiting their turn, 16 writers would each wait out the 1 s busy timeout after the other: 16 s.
        var writes = Enumerable.Range(0, 16)
            .Select(i => Task.Run(() => storage.WriteAsync($"conversation/{i}", "1", null, TimeSpan.FromHours(1), CancellationToken.None)))
            .ToArray();
        await Assert.ThrowsAsync<StorageUnavailableException>(() => Task.WhenAll(writes).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.All(writes, write => Assert.IsType<StorageUnavailableException>(write.Exception?.InnerException));
    }

    [Fact]
    public async Task ReadinessCheck_FileLockedByAnotherProcess_IsUnhealthyUntilReleased()
    {
        using var storage = new SqliteStorage(DatabasePath, Time);
        var check = new StorageHealthCheck(() => storage, Options.Create(new StorageOptions()), TimeProvider.System);

        HealthCheckResult during;
        using (HoldWriteLock())
        {
            during = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);
        }

        var after = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    [Fact]
    public async Task Dispose_ThenUse_ThrowsUnavailable()
    {
        var storage = new SqliteStorage(DatabasePath, Time);
        await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);

        storage.Dispose();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => storage.ReadAsync("conversation/a", CancellationToken.None));
        Assert.IsType<ObjectDisposedException>(error.InnerException);
    }

    [Fact]
    public void Constructor_PathIsAFolder_ThrowsUnavailable()
    {
        Directory.CreateDirectory(DatabasePath);

        var error = Assert.Throws<StorageUnavailableException>(() => new SqliteStorage(DatabasePath, Time));

        Assert.Equal(SQLitePCL.raw.SQLITE_CANTOPEN, Assert.IsType<SqliteException>(error.InnerException).SqliteErrorCode);
    }

    [Fact]
    public void Constructor_NewFolder_CreatesDatabaseInWalMode()
    {
        new SqliteStorage(DatabasePath, Time).Dispose();

        Assert.Equal("wal", (string?)Execute("PRAGMA journal_mode"));
    }

    [Fact]
    public void Constructor_FileWithTheOldExpiryIndex_DropsIt()
    {
        new SqliteStorage(DatabasePath, Time).Dispose();

        Execute("CREATE INDEX items_expires_at ON items (expires_at)");
        new SqliteStorage(DatabasePath, Time).Dispose();

        Assert.Equal(0L, Execute("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'items_expires_at'"));
    }

    private List<string> RowKeys()
    {
        using var connection = OpenFile();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM items ORDER BY key";
        using var reader = command.ExecuteReader();
        var keys = new List<string>();
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    private ExpiredStatePurge NewPurge(Func<IServiceProvider, IStorage> store)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddKeyedSingleton(
            services, StorageServiceCollectionExtensions.ProviderStoreKey, (provider, _) => store(provider));
        return new ExpiredStatePurge(
            Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services),
            Options.Create(new StorageOptions { Provider = StorageProvider.Sqlite }),
            Time,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ExpiredStatePurge>.Instance);
    }

    private object? Execute(string sql)
    {
        using var connection = OpenFile();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>What a CLI verb or a second instance does to the file: holds its write lock until disposed.</summary>
    private SqliteConnection HoldWriteLock()
    {
        var connection = OpenFile();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN IMMEDIATE";
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>A connection of its own to the store's file, to look at what the store wrote.</summary>
    private SqliteConnection OpenFile()
    {
        var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }
}

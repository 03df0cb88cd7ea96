using BenchmarkDotNet.Attributes;
using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Benchmarks;

/// <summary>
/// What a flow step asks of the state store: read the conversation's state and write it back with its ETag —
/// on the SQLite file alone, and through the encryption every provider sits behind. The value is the size of
/// a waiting risicotaxatie step's state (about 1 KB of JSON).
/// </summary>
[MemoryDiagnoser]
public class StorageBenchmarks
{
    private static readonly string Value = "{\"schemaVersion\":1,\"dialogs\":{\"dialogStack\":[" + new string('x', 1000) + "]}}";

    private string _folder = null!;
    private ServiceProvider _services = null!;
    private IStorage _sqlite = null!;
    private IStorage _protected = null!;
    private string _sqliteETag = null!;
    private string _protectedETag = null!;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("gb-bench-storage-").FullName;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage().Configure(o =>
        {
            o.Provider = StorageProvider.Sqlite;
            o.Path = _folder;
        });
        _services = services.BuildServiceProvider();
        _protected = _services.GetRequiredService<IStorage>();
        _sqlite = _services.GetRequiredKeyedService<IStorage>(StorageServiceCollectionExtensions.ProviderStoreKey);
        _sqliteETag = _sqlite.WriteAsync("conversation/plain", Value, null, TimeSpan.FromHours(1), CancellationToken.None).GetAwaiter().GetResult();
        _protectedETag = _protected.WriteAsync("conversation/protected", Value, null, TimeSpan.FromHours(1), CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Read and conditional write on the SQLite file.</summary>
    [Benchmark]
    public async Task<string> SqliteReadWrite()
    {
        var item = await _sqlite.ReadAsync("conversation/plain", CancellationToken.None);
        _sqliteETag = await _sqlite.WriteAsync("conversation/plain", item!.Value, _sqliteETag, TimeSpan.FromHours(1), CancellationToken.None);
        return _sqliteETag;
    }

    /// <summary>The same through the encrypting store (decrypt on read, encrypt on write).</summary>
    [Benchmark]
    public async Task<string> ProtectedReadWrite()
    {
        var item = await _protected.ReadAsync("conversation/protected", CancellationToken.None);
        _protectedETag = await _protected.WriteAsync("conversation/protected", item!.Value, _protectedETag, TimeSpan.FromHours(1), CancellationToken.None);
        return _protectedETag;
    }
}

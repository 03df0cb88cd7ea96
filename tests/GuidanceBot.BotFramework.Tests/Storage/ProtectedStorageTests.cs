using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>
/// Encryption at rest: the decorator keeps the whole storage contract (over memory here) and the inner
/// store only ever sees ciphertext. "Instances" are service providers that share, or do not share, a key ring.
/// </summary>
public sealed class ProtectedStorageTests : StorageContractTests
{
    private const string Answer = """{"signals":["gedrag.weglopen","online.bereikbaar"],"note":"loverboy"}""";
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(24);

    private readonly IXmlRepository _sharedKeyRing = new MemoryXmlRepository();

    protected override IStorage CreateStorage() => Protect(new MemoryStorage(Time), _sharedKeyRing);

    [Fact]
    public async Task Write_Value_InnerStoreHoldsNoReadableText()
    {
        var inner = new MemoryStorage(Time);
        var storage = Protect(inner, _sharedKeyRing);

        await storage.WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);

        var raw = (await inner.ReadAsync("conversation/a", CancellationToken.None))!.Value;
        Assert.DoesNotContain("weglopen", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("loverboy", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("signals", raw, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Read_WrittenByOtherInstanceWithSharedKeyRing_Decrypts()
    {
        var inner = new MemoryStorage(Time);
        await Protect(inner, _sharedKeyRing).WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);

        var item = await Protect(inner, _sharedKeyRing).ReadAsync("conversation/a", CancellationToken.None);

        Assert.Equal(Answer, item!.Value);
    }

    [Fact]
    public async Task Read_WrittenWithAnotherKeyRing_IsUnreadableButKeepsItsETag()
    {
        var inner = new MemoryStorage(Time);
        var eTag = await Protect(inner, new MemoryXmlRepository()).WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);

        var item = await Protect(inner, _sharedKeyRing).ReadAsync("conversation/a", CancellationToken.None);

        Assert.Equal(string.Empty, item!.Value);
        Assert.Equal(eTag, item.ETag);
    }

    [Fact]
    public async Task Read_CiphertextCopiedToAnotherKey_IsUnreadable()
    {
        var inner = new MemoryStorage(Time);
        var storage = Protect(inner, _sharedKeyRing);
        await storage.WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);
        var ciphertext = (await inner.ReadAsync("conversation/a", CancellationToken.None))!.Value;
        await inner.WriteAsync("conversation/b", ciphertext, null, Ttl, CancellationToken.None);

        var item = await storage.ReadAsync("conversation/b", CancellationToken.None);

        Assert.Equal(string.Empty, item!.Value);
    }

    [Fact]
    public async Task Write_UnreadableItemWithItsETag_ReplacesIt()
    {
        var inner = new MemoryStorage(Time);
        await Protect(inner, new MemoryXmlRepository()).WriteAsync("conversation/a", "old", null, Ttl, CancellationToken.None);
        var storage = Protect(inner, _sharedKeyRing);
        var unreadable = await storage.ReadAsync("conversation/a", CancellationToken.None);

        await storage.WriteAsync("conversation/a", "new", unreadable!.ETag, Ttl, CancellationToken.None);

        Assert.Equal("new", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Read_ValueNotInDataProtectionFormat_IsUnreadable()
    {
        var inner = new MemoryStorage(Time);
        var eTag = await inner.WriteAsync("conversation/a", "not a protected value!", null, Ttl, CancellationToken.None);

        var item = await Protect(inner, _sharedKeyRing).ReadAsync("conversation/a", CancellationToken.None);

        Assert.Equal(string.Empty, item!.Value);
        Assert.Equal(eTag, item.ETag);
    }

    [Fact]
    public async Task Read_KeyRingCannotBeLoaded_IsUnavailableAndKeepsTheValue()
    {
        // A restarted instance whose key folder cannot be read for a moment: the state is good, the ring is not there.
        var inner = new MemoryStorage(Time);
        var keyRing = new FailingKeyRing(_sharedKeyRing);
        await Protect(inner, keyRing).WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);
        keyRing.Failure = new IOException("The key folder cannot be read.");

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(
            () => Protect(inner, keyRing).ReadAsync("conversation/a", CancellationToken.None));

        Assert.IsType<IOException>(error.InnerException?.InnerException);
        keyRing.Failure = null;
        Assert.Equal(Answer, (await Protect(inner, keyRing).ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Read_KeyRingXmlBroken_IsUnavailable()
    {
        var inner = new MemoryStorage(Time);
        var keyRing = new FailingKeyRing(_sharedKeyRing);
        await Protect(inner, keyRing).WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);
        keyRing.Failure = new System.Xml.XmlException("Unexpected end of file.");

        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => Protect(inner, keyRing).ReadAsync("conversation/a", CancellationToken.None));
    }

    [Fact]
    public async Task Write_KeyRingCannotBeLoaded_IsUnavailableAndWritesNothing()
    {
        var inner = new MemoryStorage(Time);
        var keyRing = new FailingKeyRing(_sharedKeyRing) { Failure = new UnauthorizedAccessException("No access to the key folder.") };

        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => Protect(inner, keyRing).WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None));

        Assert.Null(await inner.ReadAsync("conversation/a", CancellationToken.None));
    }

    [Fact]
    public async Task Read_KeyAnotherInstanceAddedWithinTwoMinutesOfStart_DataProtectionReloadsTheRingItself()
    {
        var inner = new MemoryStorage(Time);
        var reader = Instance(_sharedKeyRing);
        await Protect(inner, reader).WriteAsync("conversation/b", "b", null, Ttl, CancellationToken.None);
        await Protect(inner, WriterWithItsOwnNewKey()).WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);

        var item = await Protect(inner, reader).ReadAsync("conversation/a", CancellationToken.None);

        Assert.Equal(Answer, item!.Value);
    }

    [Fact]
    public async Task Read_KeyAnotherInstanceAddedAfterThisOneCachedTheRing_ReloadsTheRingAndDecrypts()
    {
        // Two instances start at the same moment and each creates a first key (docs/deployment.md). The reader stored
        // and cached its key first; the writer's, the default of every ring that holds both, landed a moment later.
        // The reader's cached ring lacks it until its next refresh, up to a day later.
        var inner = new MemoryStorage(Time);
        var reader = Instance(_sharedKeyRing);
        await WriteWithAKeyTheReaderHasNotLoadedAsync(inner, reader);

        var item = await Protect(inner, reader).ReadAsync("conversation/a", CancellationToken.None);

        Assert.Equal(Answer, item!.Value);
    }

    [Fact]
    public async Task Read_KeyUnknownAndTheRingCannotBeReloaded_IsUnavailableNotUnreadable()
    {
        var inner = new MemoryStorage(Time);
        var keyRing = new FailingKeyRing(_sharedKeyRing);
        var reader = Instance(keyRing);
        await WriteWithAKeyTheReaderHasNotLoadedAsync(inner, reader);
        keyRing.Failure = new IOException("The key ring cannot be read.");

        await Assert.ThrowsAsync<StorageUnavailableException>(
            () => Protect(inner, reader).ReadAsync("conversation/a", CancellationToken.None));
    }

    /// <summary>
    /// <paramref name="reader"/> caches the ring (by writing a value of its own) and is past Data Protection's own
    /// reload window; then another instance adds a key and writes <see cref="Answer"/> to <c>conversation/a</c> with it.
    /// </summary>
    private async Task WriteWithAKeyTheReaderHasNotLoadedAsync(IStorage inner, ServiceProvider reader)
    {
        await Protect(inner, reader).WriteAsync("conversation/b", "b", null, Ttl, CancellationToken.None);
        DataProtectionInstances.PastStartupRefreshWindow(reader);
        await Protect(inner, WriterWithItsOwnNewKey()).WriteAsync("conversation/a", Answer, null, Ttl, CancellationToken.None);
    }

    /// <summary>An instance on the shared ring that has just added a key of its own, which it encrypts with.</summary>
    private ServiceProvider WriterWithItsOwnNewKey()
    {
        var writer = Instance(_sharedKeyRing);
        DataProtectionInstances.AddNewerKey(writer);
        return writer;
    }

    private static ServiceProvider Instance(IXmlRepository keyRing)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(StorageServiceCollectionExtensions.DataProtectionApplicationName);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = keyRing);
        return services.BuildServiceProvider();
    }

    private static ProtectedStorage Protect(IStorage inner, IXmlRepository keyRing) => Protect(inner, Instance(keyRing));

    private static ProtectedStorage Protect(IStorage inner, IServiceProvider instance) =>
        new(
            inner,
            instance.GetRequiredService<IDataProtectionProvider>(),
            ProtectedStorage.FreshKeyRingLoader(
                instance.GetRequiredService<IOptions<KeyManagementOptions>>().Value, StorageServiceCollectionExtensions.DataProtectionApplicationName),
            NullLogger<ProtectedStorage>.Instance);
}

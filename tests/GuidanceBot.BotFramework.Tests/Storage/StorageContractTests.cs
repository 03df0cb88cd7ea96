using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IStorage"/> must have. Each provider gets a subclass that only says how
/// to create the store; a new provider (Azure Blob) adds one more subclass and must pass all of these.
/// The tests are skippable because a provider may need a server (Azurite) that a local run lacks.
/// </summary>
public abstract class StorageContractTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(24);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    /// <summary>A new, empty store on <see cref="Time"/>.</summary>
    protected abstract IStorage CreateStorage();

    [SkippableFact]
    public async Task Read_MissingKey_ReturnsNull()
    {
        var storage = CreateStorage();

        var item = await storage.ReadAsync("conversation/missing", CancellationToken.None);

        Assert.Null(item);
    }

    [SkippableFact]
    public async Task Write_NewItem_CanBeReadBackWithItsETag()
    {
        var storage = CreateStorage();

        var eTag = await storage.WriteAsync("conversation/a", """{"n":1}""", null, Ttl, CancellationToken.None);
        var item = await storage.ReadAsync("conversation/a", CancellationToken.None);

        Assert.NotNull(item);
        Assert.Equal("""{"n":1}""", item.Value);
        Assert.Equal(eTag, item.ETag);
        Assert.Equal(Time.GetUtcNow() + Ttl, item.ExpiresAt);
    }

    [SkippableFact]
    public async Task Write_WithCurrentETag_ReplacesValueAndChangesETag()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);

        var second = await storage.WriteAsync("conversation/a", "2", first, Ttl, CancellationToken.None);
        var item = await storage.ReadAsync("conversation/a", CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal("2", item!.Value);
        Assert.Equal(second, item.ETag);
    }

    [SkippableFact]
    public async Task Write_WithStaleETag_ThrowsConflictAndKeepsNewerValue()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        await storage.WriteAsync("conversation/a", "2", first, Ttl, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync("conversation/a", "stale", first, Ttl, CancellationToken.None));

        Assert.Equal("2", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [SkippableFact]
    public async Task Write_CreateOnlyWhenItemExists_ThrowsConflict()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync("conversation/a", "2", null, Ttl, CancellationToken.None));

        Assert.Equal("1", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [SkippableFact]
    public async Task Write_WithETagWhenItemIsGone_ThrowsConflict()
    {
        var storage = CreateStorage();
        var eTag = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        await storage.DeleteAsync("conversation/a", CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync("conversation/a", "2", eTag, Ttl, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Write_TwoCreateOnlyWritesRace_ExactlyOneWins()
    {
        var storage = CreateStorage();

        var writes = Enumerable.Range(0, 8)
            .Select(i => Task.Run(() => storage.WriteAsync("conversation/race", i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, Ttl, CancellationToken.None)))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                return await w;
            }
            catch (StorageConflictException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Equal(winner, (await storage.ReadAsync("conversation/race", CancellationToken.None))!.ETag);
    }

    [SkippableFact]
    public async Task Write_TwoUpdatesWithSameETagRace_ExactlyOneWins()
    {
        var storage = CreateStorage();
        var eTag = await storage.WriteAsync("conversation/a", "0", null, Ttl, CancellationToken.None);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                return await storage.WriteAsync("conversation/a", "v", eTag, Ttl, CancellationToken.None);
            }
            catch (StorageConflictException)
            {
                return null;
            }
        })));

        Assert.Single(outcomes, o => o is not null);
    }

    [SkippableFact]
    public async Task Delete_ExistingItem_MakesItAbsent()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);

        await storage.DeleteAsync("conversation/a", CancellationToken.None);

        Assert.Null(await storage.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Delete_MissingItem_DoesNotThrow()
    {
        var storage = CreateStorage();

        await storage.DeleteAsync("conversation/missing", CancellationToken.None);

        Assert.Null(await storage.ReadAsync("conversation/missing", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Delete_WithCurrentETag_MakesItAbsent()
    {
        var storage = CreateStorage();
        var eTag = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);

        await storage.DeleteAsync("conversation/a", eTag, CancellationToken.None);

        Assert.Null(await storage.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Delete_WithStaleETag_ThrowsConflictAndKeepsNewerValue()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        await storage.WriteAsync("conversation/a", "2", first, Ttl, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.DeleteAsync("conversation/a", first, CancellationToken.None));

        Assert.Equal("2", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [SkippableFact]
    public async Task Delete_WithETagWhenItemIsGone_ThrowsConflict()
    {
        // Two turns that read the same document must not both act on it: the second one's delete is a conflict.
        var storage = CreateStorage();
        var eTag = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        await storage.DeleteAsync("conversation/a", eTag, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.DeleteAsync("conversation/a", eTag, CancellationToken.None));

        Assert.Null(await storage.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Delete_WithETagWhenItemExpiredAndWasRead_ThrowsConflict()
    {
        var storage = CreateStorage();
        var eTag = await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.Null(await storage.ReadAsync("conversation/a", CancellationToken.None));

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.DeleteAsync("conversation/a", eTag, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Delete_WithStaleETagWhenNewerItemExpired_ThrowsConflictAndItStaysAbsent()
    {
        var storage = CreateStorage();
        var first = await storage.WriteAsync("conversation/a", "1", null, Ttl, CancellationToken.None);
        await storage.WriteAsync("conversation/a", "2", first, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.DeleteAsync("conversation/a", first, CancellationToken.None));

        Assert.Null(await storage.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Write_TimeToLivePastTheCalendar_ThrowsAndStoresNothing()
    {
        var storage = CreateStorage();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromDays(3_000_000), CancellationToken.None));

        Assert.Null(await storage.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Read_AfterIdleTime_ReturnsNull()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);

        Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await storage.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Read_JustBeforeIdleTime_ReturnsItem()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);

        Time.Advance(TimeSpan.FromMinutes(59));

        Assert.NotNull(await storage.ReadAsync("conversation/a", CancellationToken.None));
    }

    [SkippableFact]
    public async Task Write_EachWrite_RestartsIdleTime()
    {
        var storage = CreateStorage();
        var eTag = await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromMinutes(50));
        await storage.WriteAsync("conversation/a", "2", eTag, TimeSpan.FromHours(1), CancellationToken.None);

        Time.Advance(TimeSpan.FromMinutes(50));

        Assert.Equal("2", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [SkippableFact]
    public async Task Write_CreateOnlyOverExpiredItem_Succeeds()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("conversation/a", "old", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(2));

        await storage.WriteAsync("conversation/a", "new", null, Ttl, CancellationToken.None);

        Assert.Equal("new", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
    }

    [SkippableFact]
    public async Task Write_WithETagOfExpiredItem_ThrowsConflict()
    {
        var storage = CreateStorage();
        var eTag = await storage.WriteAsync("conversation/a", "old", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(2));

        await Assert.ThrowsAsync<StorageConflictException>(
            () => storage.WriteAsync("conversation/a", "new", eTag, Ttl, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Write_DifferentKeys_AreIndependent()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("conversation/a", "a", null, Ttl, CancellationToken.None);

        await storage.WriteAsync("conversation/b", "b", null, Ttl, CancellationToken.None);

        Assert.Equal("a", (await storage.ReadAsync("conversation/a", CancellationToken.None))!.Value);
        Assert.Equal("b", (await storage.ReadAsync("conversation/b", CancellationToken.None))!.Value);
    }
}

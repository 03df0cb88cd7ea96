using GuidanceBot.BotFramework.Storage;

namespace GuidanceBot.BotFramework.Tests.Storage;

public sealed class MemoryStorageTests : StorageContractTests
{
    protected override IStorage CreateStorage() => new MemoryStorage(Time);

    [Fact]
    public async Task Read_ExpiredItem_RemovesIt()
    {
        var storage = new MemoryStorage(Time);
        await storage.WriteAsync("conversation/a", "1", null, TimeSpan.FromHours(1), CancellationToken.None);
        Time.Advance(TimeSpan.FromHours(1));

        await storage.ReadAsync("conversation/a", CancellationToken.None);

        Assert.Equal(0, storage.Count);
    }
}

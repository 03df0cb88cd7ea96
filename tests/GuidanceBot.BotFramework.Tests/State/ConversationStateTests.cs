using System.Text.Json;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.State;

public sealed class ConversationStateTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
    private readonly MemoryStorage _storage;
    private readonly ConversationState<TestConversation> _state;

    public ConversationStateTests()
    {
        _storage = new MemoryStorage(_time);
        _state = new ConversationState<TestConversation>(
            _storage, TestJsonContext.Default.TestConversation, Options.Create(new BotStateOptions()));
    }

    [Fact]
    public async Task Load_NothingStored_ReturnsNewDocumentOfCurrentVersion()
    {
        var turn = NewTurn();

        var document = await _state.LoadAsync(turn, CancellationToken.None);

        Assert.Equal(TestConversation.CurrentSchemaVersion, document.SchemaVersion);
        Assert.Equal(StateLoadStatus.New, _state.GetLoadStatus(turn));
    }

    [Fact]
    public async Task Save_ChangedDocument_IsLoadedInNextTurn()
    {
        await SaveOneDialogAsync(NewTurn());
        var next = NewTurn();

        var document = await _state.LoadAsync(next, CancellationToken.None);

        Assert.Equal("flow", Assert.Single(document.Dialogs.DialogStack).Id);
        Assert.Equal(StateLoadStatus.Loaded, _state.GetLoadStatus(next));
    }

    [Fact]
    public async Task Save_AnotherTurnSavedInBetween_ThrowsConflictInsteadOfOverwriting()
    {
        await SaveOneDialogAsync(NewTurn());
        var slow = NewTurn();
        var fast = NewTurn();
        (await _state.LoadAsync(slow, CancellationToken.None)).Dialogs.DialogStack.Add(new DialogInstance { Id = "slow" });
        (await _state.LoadAsync(fast, CancellationToken.None)).Dialogs.DialogStack.Add(new DialogInstance { Id = "fast" });
        await _state.SaveChangesAsync(fast, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => _state.SaveChangesAsync(slow, CancellationToken.None));

        var stored = await _state.LoadAsync(NewTurn(), CancellationToken.None);
        Assert.Equal(["flow", "fast"], stored.Dialogs.DialogStack.Select(d => d.Id));
    }

    [Fact]
    public async Task Save_TwoFirstTurnsRace_SecondThrowsConflict()
    {
        var one = NewTurn();
        var two = NewTurn();
        (await _state.LoadAsync(one, CancellationToken.None)).Dialogs.DialogStack.Add(new DialogInstance { Id = "one" });
        (await _state.LoadAsync(two, CancellationToken.None)).Dialogs.DialogStack.Add(new DialogInstance { Id = "two" });
        await _state.SaveChangesAsync(one, CancellationToken.None);

        await Assert.ThrowsAsync<StorageConflictException>(() => _state.SaveChangesAsync(two, CancellationToken.None));
    }

    [Fact]
    public async Task Save_EmptyDocument_DeletesStoredItem()
    {
        await SaveOneDialogAsync(NewTurn());
        var turn = NewTurn();
        (await _state.LoadAsync(turn, CancellationToken.None)).Dialogs.DialogStack.Clear();

        await _state.SaveChangesAsync(turn, CancellationToken.None);

        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task Save_Unchanged_DoesNotWrite()
    {
        await SaveOneDialogAsync(NewTurn());
        var turn = NewTurn();
        await _state.LoadAsync(turn, CancellationToken.None);
        var before = (await _storage.ReadAsync(StoredKey(), CancellationToken.None))!.ETag;

        await _state.SaveChangesAsync(turn, CancellationToken.None);

        Assert.Equal(before, (await _storage.ReadAsync(StoredKey(), CancellationToken.None))!.ETag);
    }

    [Fact]
    public async Task Load_DocumentOfOtherSchemaVersion_IsIncompatibleAndReplacedOnSave()
    {
        await SaveOneDialogAsync(NewTurn());
        var item = (await _storage.ReadAsync(StoredKey(), CancellationToken.None))!;
        await _storage.WriteAsync(item.Key, item.Value.Replace("\"schemaVersion\":1", "\"schemaVersion\":99", StringComparison.Ordinal), item.ETag, TimeSpan.FromHours(1), CancellationToken.None);
        var turn = NewTurn();

        var document = await _state.LoadAsync(turn, CancellationToken.None);
        await _state.SaveChangesAsync(turn, CancellationToken.None);

        Assert.Equal(StateLoadStatus.Incompatible, _state.GetLoadStatus(turn));
        Assert.Empty(document.Dialogs.DialogStack);
        Assert.Equal(0, _storage.Count);
    }

    [Fact]
    public async Task Load_UnreadableJson_IsIncompatible()
    {
        await SaveOneDialogAsync(NewTurn());
        var item = (await _storage.ReadAsync(StoredKey(), CancellationToken.None))!;
        await _storage.WriteAsync(item.Key, "{\"dialogs\":42", item.ETag, TimeSpan.FromHours(1), CancellationToken.None);
        var turn = NewTurn();

        await _state.LoadAsync(turn, CancellationToken.None);

        Assert.Equal(StateLoadStatus.Incompatible, _state.GetLoadStatus(turn));
    }

    [Fact]
    public async Task Load_AfterIdleTimeout_IsNew()
    {
        await SaveOneDialogAsync(NewTurn());
        _time.Advance(new BotStateOptions().ConversationIdleTimeout);
        var turn = NewTurn();

        var document = await _state.LoadAsync(turn, CancellationToken.None);

        Assert.Empty(document.Dialogs.DialogStack);
        Assert.Equal(StateLoadStatus.New, _state.GetLoadStatus(turn));
    }

    [Fact]
    public async Task StorageKey_DoesNotContainTheConversationId()
    {
        await SaveOneDialogAsync(NewTurn());

        var key = StoredKey();

        Assert.StartsWith("conversation/", key, StringComparison.Ordinal);
        Assert.DoesNotContain("test-conversation", key, StringComparison.Ordinal);
    }

    private string StoredKey() => Assert.Single(_storage.Keys);

    private async Task SaveOneDialogAsync(TurnContext turn)
    {
        var document = await _state.LoadAsync(turn, CancellationToken.None);
        document.Dialogs.DialogStack.Add(new DialogInstance { Id = "flow", State = JsonElement.Parse("{}") });
        await _state.SaveChangesAsync(turn, CancellationToken.None);
    }

    private static TurnContext NewTurn() =>
        new(new DialogTestClient(new Tests.Dialogs.ProfileFlow()).NewActivity("hoi", null), new RecordingConnector());
}

using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.State;

public sealed class UserStateTests
{
    private readonly MemoryStorage _storage = new(new FakeTimeProvider());
    private readonly UserState<TestConversation> _state;

    public UserStateTests()
    {
        _state = new UserState<TestConversation>(_storage, TestJsonContext.Default.TestConversation, Options.Create(new BotStateOptions()));
    }

    [Fact]
    public async Task Load_SameUserInAnotherConversation_SeesTheSameDocument()
    {
        await SaveAsync(Turn("conversation-1", "user-1"));

        var document = await _state.LoadAsync(Turn("conversation-2", "user-1"), CancellationToken.None);

        Assert.Single(document.Dialogs.DialogStack);
    }

    [Fact]
    public async Task Load_OtherUserInSameConversation_SeesNothing()
    {
        await SaveAsync(Turn("conversation-1", "user-1"));

        var document = await _state.LoadAsync(Turn("conversation-1", "user-2"), CancellationToken.None);

        Assert.Empty(document.Dialogs.DialogStack);
        Assert.StartsWith("user/", Assert.Single(_storage.Keys), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveAndStatus_ActivityWithoutSenderThatNeverLoaded_DoNothing()
    {
        // A turn from a sender without id cannot load user state; ending it must not fail on the missing key.
        var turn = Turn("conversation-1", userId: null);

        await _state.SaveChangesAsync(turn, CancellationToken.None);

        Assert.Equal(StateLoadStatus.New, _state.GetLoadStatus(turn));
        Assert.Empty(_storage.Keys);
        await Assert.ThrowsAsync<InvalidOperationException>(() => _state.LoadAsync(turn, CancellationToken.None));
    }

    private async Task SaveAsync(TurnContext turn)
    {
        (await _state.LoadAsync(turn, CancellationToken.None)).Dialogs.DialogStack.Add(new DialogInstance { Id = "x" });
        await _state.SaveChangesAsync(turn, CancellationToken.None);
    }

    private static TurnContext Turn(string conversationId, string? userId) => new(
        new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = userId },
            Conversation = new ConversationAccount { Id = conversationId },
        },
        new RecordingConnector());
}

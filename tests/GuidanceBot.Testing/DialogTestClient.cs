using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.Testing;

/// <summary>
/// Runs one dialog turn by turn, as the Bot Framework's <c>DialogTestClient</c>: send a message or a card
/// submit, get the replies and the <see cref="DialogTurnResult"/>. Between turns the stack lives only
/// as JSON in an ETag-enforcing <see cref="MemoryStorage"/>, so every test also proves the state survives
/// a round trip. When nothing is running, the next activity begins the dialog.
/// </summary>
public sealed class DialogTestClient
{
    private readonly Dialog _dialog;
    private readonly DialogSet _dialogs;
    private readonly ConversationState<TestConversation> _state;
    private readonly RecordingConnector _connector = new();

    public DialogTestClient(Dialog dialog, IStorage? storage = null, FakeTimeProvider? time = null, string conversationId = "test-conversation")
    {
        ArgumentNullException.ThrowIfNull(dialog);
        _dialog = dialog;
        _dialogs = new DialogSet().Add(dialog);
        Time = time ?? new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        Storage = storage ?? new MemoryStorage(Time);
        ConversationId = conversationId;
        _state = new ConversationState<TestConversation>(
            Storage, TestJsonContext.Default.TestConversation, Options.Create(new BotStateOptions()));
    }

    public FakeTimeProvider Time { get; }

    public IStorage Storage { get; }

    public string ConversationId { get; }

    /// <summary>The result of the last turn.</summary>
    public DialogTurnResult DialogTurnResult { get; private set; } = new(DialogTurnStatus.Empty);

    /// <summary>The turn context of the last turn (its <see cref="ITurnContext.TurnState"/> shows notices).</summary>
    public ITurnContext? LastTurn { get; private set; }

    /// <summary>The replies of the last turn.</summary>
    public IReadOnlyList<Activity> Replies { get; private set; } = [];

    /// <summary>Sends typed text; returns the first reply (or throws when there was none).</summary>
    public async Task<Activity> SendAsync(string text) =>
        First(await SendActivityAsync(NewActivity(text, null)));

    /// <summary>Sends a card submit with <paramref name="value"/> as Teams posts it (no text).</summary>
    public Task<IReadOnlyList<Activity>> SubmitAsync(JsonObject value) =>
        SendActivityAsync(NewActivity(null, JsonElement.Parse(value.ToJsonString())));

    /// <summary>Runs one turn with <paramref name="activity"/>; returns every reply.</summary>
    public async Task<IReadOnlyList<Activity>> SendActivityAsync(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var turn = new TurnContext(activity, _connector);
        LastTurn = turn;
        var document = await _state.LoadAsync(turn, CancellationToken.None);
        var dc = _dialogs.CreateContext(turn, document.Dialogs);
        var result = await dc.ContinueDialogAsync(CancellationToken.None);
        if (result.Status == DialogTurnStatus.Empty && !result.StateDiscarded)
        {
            result = await dc.BeginDialogAsync(_dialog.Id, null, CancellationToken.None);
        }

        DialogTurnResult = result;
        await _state.SaveChangesAsync(turn, CancellationToken.None);
        Replies = [.. turn.BufferedReplies];
        return Replies;
    }

    /// <summary>What storage holds for this conversation now (read in a fresh turn), or null when nothing is stored.</summary>
    public async Task<TestConversation?> ReadStoredStateAsync()
    {
        var probe = new TurnContext(NewActivity(null, null), _connector);
        var document = await _state.LoadAsync(probe, CancellationToken.None);
        return _state.GetLoadStatus(probe) == StateLoadStatus.New ? null : document;
    }

    /// <summary>A message activity of this conversation, delivered with expectReplies.</summary>
    public Activity NewActivity(string? text, JsonElement? value) => new()
    {
        Type = ActivityTypes.Message,
        Id = "activity-" + Guid.NewGuid().ToString("N"),
        ChannelId = "msteams",
        ServiceUrl = TestActivities.ServiceUrl,
        From = new ChannelAccount { Id = TestActivities.UserId },
        Recipient = new ChannelAccount { Id = TestActivities.BotId },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal" },
        Text = text,
        Value = value,
        DeliveryMode = DeliveryModes.ExpectReplies,
        Locale = "nl-NL",
    };

    private static Activity First(IReadOnlyList<Activity> replies) =>
        replies.Count > 0 ? replies[0] : throw new InvalidOperationException("The turn sent no reply.");
}

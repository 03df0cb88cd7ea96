using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Flows;

/// <summary>
/// Plays a <see cref="ConversationScript"/> against <c>/api/messages</c> with <c>deliveryMode: expectReplies</c>,
/// clicking buttons the way Teams does: the action's data merged with the inputs, as a message without text.
/// Remembers every card it got, so a script can click an old one.
/// </summary>
public sealed class ScriptRunner(HttpClient client, string conversationId)
{
    private readonly Dictionary<string, JsonObject> _cards = new(StringComparer.Ordinal);
    private HttpClient _client = client;
    private JsonObject? _lastSubmit;

    /// <summary>Applied to every activity before it is sent (e.g. to send it from a sender without id).</summary>
    public Action<JsonObject>? ChangeActivity { get; init; }

    /// <summary>Goes on in the same conversation, with the same cards on screen, against another host.</summary>
    public ScriptRunner WithClient(HttpClient newClient)
    {
        _client = newClient;
        return this;
    }

    /// <summary>Runs every turn and asserts its replies.</summary>
    public async Task RunAsync(IEnumerable<ScriptTurn> turns)
    {
        var number = 0;
        foreach (var turn in turns)
        {
            number++;
            var replies = await SendAsync(turn);
            AssertReplies(number, turn, replies);
        }
    }

    /// <summary>Sends one turn and returns the replies.</summary>
    public async Task<IReadOnlyList<JsonObject>> SendAsync(ScriptTurn turn)
    {
        var response = await _client.PostActivityAsync(ActivityFor(turn));
        var replies = await response.ReadRepliesAsync();
        foreach (var reply in replies)
        {
            if (reply.Card() is { } card)
            {
                // Every card a flow sends must be valid Adaptive Card 1.5 and carry its name.
                var errors = SchemaValidator.Errors(SchemaValidator.AdaptiveCard15, JsonElement.Parse(card.ToJsonString()));
                Assert.True(errors.Count == 0, $"Card '{reply.CardId()}' fails the schema:\n{string.Join("\n", errors)}");
                _cards[reply.CardId() ?? throw new InvalidOperationException("A card without a name (first body element id).")] = card;
            }
        }

        return replies;
    }

    /// <summary>The activity a turn sends, without sending it (e.g. to post two clicks at the same moment).</summary>
    public JsonObject ActivityFor(ScriptTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn switch
        {
            Say say => TestActivities.Message(say.Text, conversationId, expectReplies: true),
            Click click => TestActivities.Submit(_lastSubmit = SubmitValue(click), conversationId),
            ClickAgain => TestActivities.Submit((JsonObject)(_lastSubmit ?? throw new InvalidOperationException("Nothing clicked yet.")).DeepClone(), conversationId),
            _ => throw new ArgumentOutOfRangeException(nameof(turn), turn, "Unknown turn kind."),
        };
        ChangeActivity?.Invoke(activity);
        return activity;
    }

    private JsonObject SubmitValue(Click click)
    {
        if (!_cards.TryGetValue(click.CardId, out var card))
        {
            throw new InvalidOperationException($"No card '{click.CardId}' was received; got: {string.Join(", ", _cards.Keys)}.");
        }

        var action = card["actions"]!.AsArray().Select(a => a!.AsObject())
            .FirstOrDefault(a => (string?)a["type"] == "Action.Submit" && (string?)a["title"] == click.Button)
            ?? throw new InvalidOperationException($"Card '{click.CardId}' has no button '{click.Button}'.");
        var value = action["data"]?.DeepClone().AsObject() ?? [];
        foreach (var (id, input) in click.Inputs ?? new Dictionary<string, string>())
        {
            value[id] = input;
        }

        return value;
    }

    private static void AssertReplies(int number, ScriptTurn turn, IReadOnlyList<JsonObject> replies)
    {
        var actual = replies.Select(r => r.CardId() is { } id ? $"card {id}" : $"text \"{(string?)r["text"]}\"").ToList();
        var message = $"Turn {number} ({turn.GetType().Name}): expected [{string.Join(", ", turn.Expected)}], got [{string.Join(", ", actual)}]";
        Assert.True(replies.Count == turn.Expected.Count, message);
        for (var i = 0; i < replies.Count; i++)
        {
            var expected = turn.Expected[i];
            var ok = expected.CardId is not null
                ? replies[i].CardId() == expected.CardId
                : ((string?)replies[i]["text"])?.Contains(expected.TextFragment!, StringComparison.Ordinal) == true;
            Assert.True(ok, message);
        }
    }
}

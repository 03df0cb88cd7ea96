using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Flows;

public sealed class FlowDialogTests
{
    [Fact]
    public async Task Melden_AcuteDanger_EndsWithUrgentCard()
    {
        var client = new DialogTestClient(new MeldenDialog(new FlowCitations(new FakePassageSearch())));

        var first = await client.SendAsync("melden");
        var last = await client.SendAsync("ja");

        Assert.Equal("melden.acuteDanger", first.CardId());
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        Assert.Equal(UrgentCallCard.Id, last.CardId());
        Assert.True(client.DialogTurnResult.TryGetResult<FlowResult>(out var result));
        Assert.Equal(FlowEndReason.EndedEarly, result.Reason);
    }

    [Fact]
    public async Task Signaleren_NoteWithPersonalData_IsNeverStored()
    {
        var client = await AtNoteAsync();

        await client.SendActivityAsync(client.NewActivity("Ze gaat om met Kevin, 06-12345678", null));
        var stored = await client.ReadStoredStateAsync();

        Assert.Equal(SignalerenTexts.NoteHasPersonalData, client.Replies[0].Text);
        var json = System.Text.Json.JsonSerializer.Serialize(stored!, TestJsonContext.Default.TestConversation);
        Assert.DoesNotContain("Kevin", json, StringComparison.Ordinal);
        Assert.DoesNotContain("06-12345678", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signaleren_ValidNote_GoesIntoSummaryButNeverIntoStorage()
    {
        var storage = new RecordingStorage();
        var client = await AtNoteAsync(storage);

        var replies = await client.SendActivityAsync(client.NewActivity("komt vaak laat thuis", null));

        Assert.Equal(SignalerenSummaryCard.Id, replies[0].CardId());
        Assert.Contains("komt vaak laat thuis", replies[0].AdaptiveCard()!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotEmpty(storage.Written);
        Assert.DoesNotContain(storage.Written, w => w.Contains("laat thuis", StringComparison.Ordinal));
        Assert.Null(await client.ReadStoredStateAsync());
    }

    [Fact]
    public async Task Signaleren_NoteRetryLimit_StillSendsSummaryWithoutNote()
    {
        var client = await AtNoteAsync();
        await client.SendActivityAsync(client.NewActivity("Ze belt met Kevin", null));
        await client.SendActivityAsync(client.NewActivity("Ze belt met Kevin", null));

        var replies = await client.SendActivityAsync(client.NewActivity("Ze belt met Kevin", null));

        Assert.Equal(SignalerenSummaryCard.Id, replies[0].CardId());
        Assert.DoesNotContain("Kevin", replies[0].AdaptiveCard()!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signaleren_TickedSignals_AreStoredAsIdsOnly()
    {
        var client = new DialogTestClient(new SignalerenDialog(new FlowCitations()));
        var card = await client.SendAsync("signaleren");

        await client.SubmitAsync(card.AdaptiveCard()!.SubmitValue(FlowTexts.Next, new Dictionary<string, string> { ["gedrag.weglopen"] = "true", ["gedrag.slaap"] = "false" }));
        var stored = (await client.ReadStoredStateAsync())!;

        var flow = Assert.Single(stored.Dialogs.DialogStack);
        var inner = flow.GetState(DialogJsonContext.Default.DialogState)!;
        var waterfall = inner.DialogStack.Single(d => d.Id.EndsWith(".steps", StringComparison.Ordinal)).GetState(DialogJsonContext.Default.WaterfallState)!;
        var values = System.Text.Json.JsonSerializer.Deserialize(waterfall.Values!.Value, FlowJsonContext.Default.SignalerenState)!;
        Assert.Equal(["gedrag.weglopen"], values.Signals);
        Assert.Equal(SignalerenState.CurrentSchemaVersion, values.SchemaVersion);
    }

    /// <summary>
    /// Every question of every flow, answered with its first button (a risicotaxatie that says "no" to acute
    /// danger, and so on): the state stored while it waits names the question by key and holds no card.
    /// </summary>
    [Theory]
    [InlineData("signaleren")]
    [InlineData("risico")]
    [InlineData("melden")]
    public async Task EveryWaitingQuestion_IsStoredByKeyWithoutItsCard(string command)
    {
        var storage = new RecordingStorage();
        var client = new DialogTestClient(FlowFor(command), storage);
        var reply = await client.SendAsync(command);
        var asked = 0;
        while (client.DialogTurnResult.Status == DialogTurnStatus.Waiting && reply.AdaptiveCard() is { } card)
        {
            var stored = storage.Written[^1];
            Assert.Contains($"\"optionsKey\":\"{reply.CardId()}\"", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("AdaptiveCard", stored, StringComparison.Ordinal);
            asked++;

            // The last button is "stop"; the one before it always moves the flow on (melden's form needs its choices).
            var button = (string)card.SubmitActions()[^2]["title"]!;
            var inputs = card["body"]!.AsArray()
                .Where(e => (string?)e!["type"] == "Input.ChoiceSet")
                .ToDictionary(e => (string)e!["id"]!, e => (string)e!["choices"]![0]!["value"]!);
            var replies = await client.SubmitAsync(card.SubmitValue(button, inputs));
            reply = replies[^1];
        }

        Assert.True(asked >= 3, $"{command}: only {asked} questions were asked");
    }

    private static Dialog FlowFor(string command) => command switch
    {
        "signaleren" => new SignalerenDialog(new FlowCitations()),
        "risico" => new RisicotaxatieDialog(new FlowCitations()),
        _ => new MeldenDialog(new FlowCitations()),
    };

    private static async Task<DialogTestClient> AtNoteAsync(IStorage? storage = null)
    {
        var client = new DialogTestClient(new SignalerenDialog(new FlowCitations()), storage);
        var card = await client.SendAsync("signaleren");
        for (var i = 0; i < SignalDomains.All.Count; i++)
        {
            var replies = await client.SubmitAsync(card.AdaptiveCard()!.SubmitValue(FlowTexts.Next));
            card = replies[0];
        }

        await client.SubmitAsync(card.AdaptiveCard()!.SubmitValue(FlowTexts.Yes));
        return client;
    }

    /// <summary>An ETag-enforcing store that remembers every value written to it.</summary>
    private sealed class RecordingStorage() : IStorage
    {
        private readonly MemoryStorage _inner = new(TimeProvider.System);

        public List<string> Written { get; } = [];

        public Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken) => _inner.ReadAsync(key, cancellationToken);

        public Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
        {
            Written.Add(value);
            return _inner.WriteAsync(key, value, eTag, timeToLive, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => _inner.DeleteAsync(key, cancellationToken);

        public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken) => _inner.DeleteAsync(key, eTag, cancellationToken);
    }
}

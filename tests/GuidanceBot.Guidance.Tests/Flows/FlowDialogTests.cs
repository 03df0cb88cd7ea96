using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
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
    }
}

using System.Text.Json;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Dialogs;

public sealed class DialogContextTests
{
    private readonly DialogSet _dialogs = new DialogSet()
        .Add(new AskTwiceDialog("first", "Eerste?"))
        .Add(new AskTwiceDialog("second", "Tweede?"))
        .Add(new ProfileFlow());

    [Fact]
    public async Task ContinueDialog_EmptyStack_ReturnsEmpty()
    {
        var (dc, _) = NewContext(new DialogState());

        var result = await dc.ContinueDialogAsync(CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
    }

    [Fact]
    public async Task CancelAllDialogs_NestedStack_EmptiesIt()
    {
        var state = new DialogState();
        var (dc, _) = NewContext(state);
        await dc.BeginDialogAsync("first", null, CancellationToken.None);

        var result = await dc.CancelAllDialogsAsync(CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Empty(state.DialogStack);
    }

    [Fact]
    public async Task CancelAllDialogs_EmptyStack_ReturnsEmpty()
    {
        var (dc, _) = NewContext(new DialogState());

        var result = await dc.CancelAllDialogsAsync(CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Empty, result.Status);
    }

    [Fact]
    public async Task ReplaceDialog_ActiveDialog_IsReplacedAndNewOneAsks()
    {
        var state = new DialogState();
        var (dc, turn) = NewContext(state);
        await dc.BeginDialogAsync("first", null, CancellationToken.None);

        var result = await dc.ReplaceDialogAsync("second", null, CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal("second", Assert.Single(state.DialogStack).Id);
        Assert.Equal(["Eerste?", "Tweede?"], turn.BufferedReplies.Select(r => r.Text));
    }

    [Fact]
    public async Task Stack_JsonRoundTripBetweenTurns_ContinuesAtTheRightStep()
    {
        var state = new DialogState();
        var (dc, _) = NewContext(state);
        await dc.BeginDialogAsync("first", null, CancellationToken.None);
        var json = JsonSerializer.Serialize(state, DialogJsonContext.Default.DialogState);

        var restored = JsonSerializer.Deserialize(json, DialogJsonContext.Default.DialogState)!;
        var (next, turn) = NewContext(restored, "antwoord");
        var result = await next.ContinueDialogAsync(CancellationToken.None);
        var restoredAgain = JsonSerializer.Deserialize(JsonSerializer.Serialize(restored, DialogJsonContext.Default.DialogState), DialogJsonContext.Default.DialogState)!;
        var (last, _) = NewContext(restoredAgain, "klaar");
        var final = await last.ContinueDialogAsync(CancellationToken.None);

        Assert.Equal(DialogTurnStatus.Waiting, result.Status);
        Assert.Equal("Eerste? (2)", Assert.Single(turn.BufferedReplies).Text);
        Assert.Equal(DialogTurnStatus.Complete, final.Status);
        Assert.Equal("klaar", final.Result);
    }

    [Fact]
    public async Task ContinueDialog_UnknownDialogIdOnStack_DiscardsStackInsteadOfThrowing()
    {
        var state = new DialogState { DialogStack = [new DialogInstance { Id = "RemovedFlow" }] };
        var (dc, _) = NewContext(state, "ja");

        var result = await dc.ContinueDialogAsync(CancellationToken.None);

        Assert.True(result.StateDiscarded);
        Assert.Equal(DialogTurnStatus.Cancelled, result.Status);
        Assert.Empty(state.DialogStack);
    }

    [Fact]
    public async Task ContinueDialog_FlowValuesOfOlderSchemaVersion_DiscardsStack()
    {
        var state = new DialogState();
        var (dc, _) = NewContext(state);
        await dc.BeginDialogAsync(nameof(ProfileFlow), null, CancellationToken.None);
        var json = JsonSerializer.Serialize(state, DialogJsonContext.Default.DialogState)
            .Replace("\\u0022schemaVersion\\u0022:2", "\\u0022schemaVersion\\u0022:1", StringComparison.Ordinal)
            .Replace("\"schemaVersion\":2", "\"schemaVersion\":1", StringComparison.Ordinal);
        Assert.Contains("schemaVersion\":1", json, StringComparison.Ordinal);
        var old = JsonSerializer.Deserialize(json, DialogJsonContext.Default.DialogState)!;
        var (next, turn) = NewContext(old, "mentor");

        var result = await next.ContinueDialogAsync(CancellationToken.None);

        Assert.True(result.StateDiscarded);
        Assert.Empty(old.DialogStack);
        Assert.Empty(turn.BufferedReplies);
    }

    [Fact]
    public async Task ContinueDialog_UnreadableDialogState_DiscardsStack()
    {
        var state = new DialogState
        {
            DialogStack = [new DialogInstance { Id = "first", State = JsonElement.Parse("""{"dialogStack":"not a list"}""") }],
        };
        var (dc, _) = NewContext(state, "ja");

        var result = await dc.ContinueDialogAsync(CancellationToken.None);

        Assert.True(result.StateDiscarded);
    }

    [Fact]
    public async Task RepromptDialog_WaitingPrompt_AsksAgain()
    {
        var state = new DialogState();
        var (dc, _) = NewContext(state);
        await dc.BeginDialogAsync("first", null, CancellationToken.None);
        var (next, turn) = NewContext(state, "wat is dit?");

        await next.RepromptDialogAsync(CancellationToken.None);

        Assert.Equal("Eerste?", Assert.Single(turn.BufferedReplies).Text);
    }

    [Fact]
    public async Task WaitsForFreeText_FlowAtItsTextPrompt_IsTrueThereAndFalseAtTheNextPrompt()
    {
        var state = new DialogState();
        var (dc, _) = NewContext(state);
        await dc.BeginDialogAsync(nameof(ProfileFlow), null, CancellationToken.None);
        var atTextPrompt = dc.WaitsForFreeText();

        var (next, _) = NewContext(state, "jeugdzorgwerker");
        await next.ContinueDialogAsync(CancellationToken.None);

        Assert.True(atTextPrompt);
        Assert.False(next.WaitsForFreeText());
    }

    [Fact]
    public void WaitsForFreeText_EmptyStack_IsFalse()
    {
        var (dc, _) = NewContext(new DialogState());

        Assert.False(dc.WaitsForFreeText());
    }

    private (DialogContext Dc, TurnContext Turn) NewContext(DialogState state, string? text = null)
    {
        var client = new DialogTestClient(new ProfileFlow());
        var turn = new TurnContext(client.NewActivity(text ?? "start", null), new RecordingConnector());
        return (_dialogs.CreateContext(turn, state), turn);
    }
}

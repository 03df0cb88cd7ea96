using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Dialogs;

public sealed class FlowDialogTests
{
    [Fact]
    public async Task Begin_FirstMessage_AsksFirstQuestionAndWaits()
    {
        var client = new DialogTestClient(new ProfileFlow());

        var reply = await client.SendAsync("hoi");

        Assert.Equal(ProfileFlow.RoleQuestion, reply.Text);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult.Status);
    }

    [Fact]
    public async Task Steps_HappyPath_RunInOrderAndKeepTypedState()
    {
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");

        var agree = await client.SendAsync("mentor");
        await client.SubmitAsync(agree.AdaptiveCard()!.SubmitValue("Ja"));
        var form = await client.SendAsync("2");
        var done = Assert.Single(await client.SubmitAsync(form.AdaptiveCard()!.SubmitValue(inputs: new Dictionary<string, string> { ["a"] = "true", ["b"] = "false" })));

        Assert.Equal("yesno", agree.CardId());
        Assert.Equal(ProfileFlow.FormCardId, form.CardId());
        Assert.Equal($"{ProfileFlow.Done}: mentor, True, blauw, a=True, visits=2", done.Text);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        Assert.True(client.DialogTurnResult.TryGetResult<FlowResult>(out var result));
        Assert.Equal(FlowEndReason.Completed, result.Reason);
    }

    [Fact]
    public async Task NextAsync_SkipsPromptInSameTurn()
    {
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");
        await client.SendAsync("mentor");

        var form = await client.SendAsync("nee");

        Assert.Equal(ProfileFlow.FormCardId, form.CardId());
    }

    [Fact]
    public async Task Complete_Flow_DeletesStoredState()
    {
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");
        await client.SendAsync("mentor");
        var form = await client.SendAsync("nee");

        await client.SubmitAsync(form.AdaptiveCard()!.SubmitValue(inputs: new Dictionary<string, string> { ["a"] = "true" }));

        Assert.Null(await client.ReadStoredStateAsync());
    }

    [Fact]
    public async Task StoredStack_BetweenTurns_IsTypedJsonWithIntegerStepIndex()
    {
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");

        await client.SendAsync("mentor");
        var stored = await client.ReadStoredStateAsync();

        var flow = Assert.Single(stored!.Dialogs.DialogStack);
        Assert.Equal(nameof(ProfileFlow), flow.Id);
        var inner = flow.GetState(DialogJsonContext.Default.DialogState)!;
        Assert.Equal(["agree", "ProfileFlow.steps"], inner.DialogStack.Select(d => d.Id));
        var waterfall = inner.DialogStack[1].GetState(DialogJsonContext.Default.WaterfallState)!;
        Assert.Equal(1, waterfall.StepIndex);
        Assert.Equal(System.Text.Json.JsonValueKind.Number, inner.DialogStack[1].State!.Value.GetProperty("stepIndex").ValueKind);
        Assert.Equal("mentor", waterfall.Values!.Value.GetProperty("role").GetString());
        Assert.Equal(ProfileState.CurrentSchemaVersion, waterfall.Values!.Value.GetProperty("schemaVersion").GetInt32());
    }

    [Fact]
    public async Task RetryLimit_WrongAnswersToLimit_EndsFlowWithRetryLimitReached()
    {
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");
        await client.SendAsync("mentor");
        await client.SendAsync("ja");

        var first = await client.SendActivityAsync(client.NewActivity("groen", null));
        var second = await client.SendActivityAsync(client.NewActivity("paars", null));

        Assert.Equal(ProfileFlow.ColourQuestion, Assert.Single(first).Text);
        Assert.Empty(second);
        Assert.True(client.DialogTurnResult.TryGetResult<FlowResult>(out var result));
        Assert.Equal(FlowEndReason.RetryLimitReached, result.Reason);
        Assert.Null(await client.ReadStoredStateAsync());
    }
}

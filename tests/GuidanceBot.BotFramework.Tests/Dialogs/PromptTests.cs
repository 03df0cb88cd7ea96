using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.Testing;

namespace GuidanceBot.BotFramework.Tests.Dialogs;

public sealed class PromptTests
{
    [Theory]
    [InlineData("ja", true)]
    [InlineData("Ja!", true)]
    [InlineData(" J ", true)]
    [InlineData("oké", true)]
    [InlineData("klopt", true)]
    [InlineData("yes", true)]
    [InlineData("nee", false)]
    [InlineData("NEE.", false)]
    [InlineData("n", false)]
    [InlineData("no", false)]
    public async Task ConfirmPrompt_TypedWord_IsRecognized(string typed, bool expected)
    {
        var client = await AtAgreementAsync();

        var next = await client.SendAsync(typed);

        Assert.Equal(expected ? ProfileFlow.ColourQuestion : null, next.Text);
        Assert.Equal(expected ? null : ProfileFlow.FormCardId, next.CardId());
    }

    [Fact]
    public async Task ConfirmPrompt_CardButton_IsRecognized()
    {
        var client = await AtAgreementAsync();

        var next = Assert.Single(await client.SubmitAsync(client.Replies[0].AdaptiveCard()!.SubmitValue("Nee")));

        Assert.Equal(ProfileFlow.FormCardId, next.CardId());
    }

    [Fact]
    public async Task ConfirmPrompt_UnknownWord_ReasksWithRetryPromptThenCard()
    {
        var client = await AtAgreementAsync();

        var replies = await client.SendActivityAsync(client.NewActivity("misschien", null));

        Assert.Equal(2, replies.Count);
        Assert.Equal(ProfileFlow.AgreeRetry, replies[0].Text);
        Assert.Equal("yesno", replies[1].CardId());
    }

    [Fact]
    public async Task Prompt_Card_EverySubmitActionCarriesTheNonce()
    {
        var client = await AtAgreementAsync();

        var actions = client.Replies[0].AdaptiveCard()!.SubmitActions();

        Assert.Equal(2, actions.Count);
        var nonces = actions.Select(a => (string?)a["data"]![PromptSubmit.NonceKey]).Distinct().ToList();
        var nonce = Assert.Single(nonces);
        Assert.False(string.IsNullOrEmpty(nonce));
    }

    [Fact]
    public async Task Prompt_Reask_UsesSameNonce()
    {
        var client = await AtAgreementAsync();
        var before = client.Replies[0].AdaptiveCard()!.SubmitValue("Ja")[PromptSubmit.NonceKey]!.GetValue<string>();

        var replies = await client.SendActivityAsync(client.NewActivity("misschien", null));

        Assert.Equal(before, (string?)replies[1].AdaptiveCard()!.SubmitValue("Ja")[PromptSubmit.NonceKey]);
    }

    [Fact]
    public async Task TextPrompt_ValidatorFails_ReasksWithTheReason()
    {
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");

        var replies = await client.SendActivityAsync(client.NewActivity("mentor 2", null));

        Assert.Equal([ProfileFlow.NoDigits, ProfileFlow.RoleQuestion], replies.Select(r => r.Text));
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult.Status);
    }

    [Theory]
    [InlineData("\u0001\u0007")]
    [InlineData(" \u202E\u2066 ")]
    [InlineData("\u200B\u2060")]
    [InlineData("\uD800")]
    public async Task TextPrompt_TextWithNothingVisible_IsNoAnswer(string text)
    {
        // Cards drop control and direction characters (CardText.Plain): such an answer would show as nothing.
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");

        var replies = await client.SendActivityAsync(client.NewActivity(text, null));

        Assert.Equal([ProfileFlow.RoleRetry, ProfileFlow.RoleQuestion], replies.Select(r => r.Text));
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult.Status);
    }

    [Fact]
    public async Task TextPrompt_CardSubmitWithoutItsNonce_IsStaleAndCostsNoAttempt()
    {
        // A click on some other card (one without this prompt's nonce) is not an answer, right or wrong.
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");

        var replies = await client.SubmitAsync(new JsonObject { ["answer"] = "mentor" });

        Assert.Empty(replies);
        Assert.NotNull(client.LastTurn!.TurnState.Get<StaleSubmitNotice>());
        Assert.Equal(ProfileFlow.AgreeQuestion, (string?)(await client.SendAsync("mentor")).AdaptiveCard()!["body"]![0]!["text"]);
    }

    [Theory]
    [InlineData("rood", "rood")]
    [InlineData("RED", "rood")]
    [InlineData("Blauw.", "blauw")]
    [InlineData("1", "rood")]
    [InlineData("2", "blauw")]
    public async Task ChoicePrompt_ValueSynonymOrNumber_IsRecognized(string typed, string expected)
    {
        var client = await AtAgreementAsync();
        await client.SendAsync("ja");

        var form = await client.SendAsync(typed);
        var done = Assert.Single(await client.SubmitAsync(form.AdaptiveCard()!.SubmitValue(inputs: new Dictionary<string, string> { ["a"] = "true" })));

        Assert.Contains($", {expected}, ", done.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdaptiveCardPrompt_InvalidForm_ReasksWithReasonAndSameCard()
    {
        var client = await AtFormAsync();
        var card = client.Replies[0].AdaptiveCard()!;

        var replies = await client.SubmitAsync(card.SubmitValue(inputs: new Dictionary<string, string> { ["a"] = "false", ["b"] = "false" }));

        Assert.Equal(ProfileFlow.NeedOne, replies[0].Text);
        Assert.Equal(ProfileFlow.FormCardId, replies[1].CardId());
    }

    [Fact]
    public async Task AdaptiveCardPrompt_TypedText_IsNotAnAnswer()
    {
        var client = await AtFormAsync();

        var replies = await client.SendActivityAsync(client.NewActivity("a", null));

        Assert.Equal(ProfileFlow.FormCardId, Assert.Single(replies).CardId());
    }

    [Fact]
    public async Task Prompt_StaleCardClick_IsIgnoredAndReported()
    {
        var client = await AtAgreementAsync();
        var oldCard = client.Replies[0].AdaptiveCard()!;
        await client.SendAsync("ja");

        var replies = await client.SubmitAsync(oldCard.SubmitValue("Nee"));

        Assert.Empty(replies);
        Assert.Equal(DialogTurnStatus.Waiting, client.DialogTurnResult.Status);
        Assert.NotNull(client.LastTurn!.TurnState.Get<StaleSubmitNotice>());
        var form = await client.SendAsync("rood");
        Assert.Equal(ProfileFlow.FormCardId, form.CardId());
    }

    [Fact]
    public async Task Prompt_DoubleClick_SecondClickDoesNotAdvance()
    {
        var client = await AtFormAsync();
        var value = client.Replies[0].AdaptiveCard()!.SubmitValue(inputs: new Dictionary<string, string> { ["a"] = "true" });
        await client.SubmitAsync(value);
        Assert.Equal(DialogTurnStatus.Complete, client.DialogTurnResult.Status);
        await client.SendAsync("hoi");
        await client.SendAsync("mentor");

        var replies = await client.SubmitAsync(value);

        Assert.Empty(replies);
        Assert.NotNull(client.LastTurn!.TurnState.Get<StaleSubmitNotice>());
    }

    private static async Task<DialogTestClient> AtAgreementAsync()
    {
        var client = new DialogTestClient(new ProfileFlow());
        await client.SendAsync("hoi");
        await client.SendAsync("mentor");
        return client;
    }

    private static async Task<DialogTestClient> AtFormAsync()
    {
        var client = await AtAgreementAsync();
        await client.SendAsync("nee");
        return client;
    }
}

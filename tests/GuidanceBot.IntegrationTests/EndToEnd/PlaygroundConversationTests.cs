using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Guidance.Routing;
using GuidanceBot.Guidance.Welcome;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>The bot in a real Teams client (the Agents Playground), driven through the API its UI uses.</summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class PlaygroundConversationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public Task Installation_PersonalChat_BotSendsOneWelcomeCard() => EndToEndSession.RunAsync(output, async e2e =>
    {
        var playground = e2e.Playground;

        await playground.InstallAsync();
        var shown = await playground.Conversation.WaitForAsync(m => m.CardId == WelcomeCard.Id, "the welcome card in the chat");
        var membersAdded = await playground.Log.WaitForAsync(
            l => l.SentToBot && l.ActivityName == ActivityTypes.ConversationUpdate, "the conversationUpdate exchange");
        var installation = await playground.Log.WaitForAsync(
            l => l.SentToBot && l.ActivityName == ActivityTypes.InstallationUpdate, "the installationUpdate exchange");

        Assert.Equal(WelcomeTexts.Title, shown.CardHeading);
        Assert.Equal(playground.BotId, shown.FromId);
        Assert.Equal(200, installation.StatusCode);
        Assert.Equal(200, membersAdded.StatusCode);
        // The bot replies while it handles the turn, so its replies are logged before the turn's exchange.
        var botMessages = playground.Log.Snapshot()
            .TakeWhile(l => l != membersAdded)
            .Where(l => l.SentByBot && l.Type == ActivityTypes.Message)
            .ToList();
        Assert.Equal(WelcomeCard.Id, Assert.Single(botMessages).CardId);
    });

    [SkippableFact]
    public Task Message_Help_BotRepliesToItWithWelcomeCard() => EndToEndSession.RunAsync(output, async e2e =>
    {
        var playground = e2e.Playground;

        await playground.SendMessageAsync(Commands.Help);
        var sent = await playground.Log.WaitForAsync(
            l => l.SentToBot && l.Type == ActivityTypes.Message && l.Text == Commands.Help, "the user's message reaching the bot");
        var reply = await playground.Log.WaitForAsync(
            l => l.SentByBot && l.Type == ActivityTypes.Message && l.ReplyToId == sent.ActivityId,
            "the bot's reply to that message (replyToId)");
        var shown = await playground.Conversation.WaitForAsync(m => m.Card is not null, "a card in the chat");

        Assert.Equal(200, sent.StatusCode);
        Assert.Equal(Attachment.AdaptiveCardContentType, (string?)reply.Activity["attachments"]?[0]?["contentType"]);
        Assert.Equal(WelcomeCard.Id, reply.CardId);
        Assert.Equal(playground.ConversationId, (string?)reply.Activity["conversation"]?["id"]);
        Assert.True(reply.Succeeded, $"The playground's connector answered the bot's reply with {reply.StatusCode}.");
        Assert.Equal(WelcomeTexts.Title, shown.CardHeading);
        Assert.Equal(playground.BotId, shown.FromId);
    });

    [SkippableFact]
    public Task Submit_WelcomeCardMeldenButton_ReachesBotAndGetsReply() => EndToEndSession.RunAsync(output, async e2e =>
    {
        var playground = e2e.Playground;
        await playground.InstallAsync();
        var welcome = await playground.Conversation.WaitForAsync(m => m.CardId == WelcomeCard.Id, "the welcome card in the chat");
        var meldenButton = welcome.Card!["actions"]!.AsArray().Single(a => (string?)a!["title"] == WelcomeTexts.MeldenButton)!;

        await playground.SubmitAsync(welcome.MessageId!, meldenButton["data"]!.AsObject());
        var submit = await playground.Log.WaitForAsync(
            l => l.SentToBot && l.Type == ActivityTypes.Message && l.Activity["value"] is not null, "the submit reaching the bot");
        var reply = await playground.Log.WaitForAsync(
            l => l.SentByBot && l.Type == ActivityTypes.Message && l.ReplyToId == submit.ActivityId, "a bot reply to the submit");

        Assert.Equal("Action.Submit", (string?)meldenButton["type"]);
        Assert.Equal(Commands.Melden, (string?)submit.Activity["value"]?[Commands.ValueKey]);
        Assert.Null(submit.Text);
        Assert.Equal(200, submit.StatusCode);
        Assert.True(reply.Succeeded, $"The playground's connector answered the bot's reply with {reply.StatusCode}.");
    });
}

using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Schema.Teams;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Routing;
using GuidanceBot.Guidance.Sharing;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance;

/// <summary>
/// The product's turn routing (STYLE.md §3): invoke → active dialog → command words → question answering.
/// In group chats and channels it only reacts when @mentioned, and works on the text without the mention.
/// </summary>
public sealed class GuidanceBotHandler(
    QuestionAnswering answering,
    SearchExtension searchExtension,
    AnswerFeedback feedback,
    IPassageSearch search) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.IsGroupConversation())
        {
            // Teams only delivers mentioned messages in groups, but other channels (and tests) may not filter.
            if (!activity.MentionsRecipient())
            {
                return;
            }

            activity.RemoveRecipientMention();
        }

        if (activity.GetValueString(AnswerFeedback.VerbKey) == AnswerFeedback.Verb)
        {
            await RecordFeedbackAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        var text = activity.Text?.Trim();
        var command = Commands.Normalize(activity.GetValueString(Commands.ValueKey) ?? text);
        if (command.Length == 0 || Commands.HelpWords.Contains(command))
        {
            await SendCardAsync(turnContext, WelcomeCard.Build(), cancellationToken).ConfigureAwait(false);
            return;
        }

        await answering.AnswerAsync(turnContext, text ?? command, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        var botWasAdded = membersAdded.Any(m => m.Id == botId);
        var userWasAdded = membersAdded.Any(m => m.Id != botId);

        // Personal chat: greet the user who installed the bot. Group chat or team: greet once, when the bot
        // joins, not every time a colleague is added to the conversation.
        var greet = activity.IsGroupConversation() ? botWasAdded : userWasAdded;
        if (greet)
        {
            await SendCardAsync(turnContext, WelcomeCard.Build(), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == MessagingExtensionQuery.InvokeName)
        {
            var query = MessagingExtensionQuery.From(turnContext.Activity);
            return Task.FromResult(query is null
                ? new InvokeResponse(400)
                : new InvokeResponse(200, searchExtension.Query(query).ToJsonElement()));
        }

        return base.OnInvokeActivityAsync(turnContext, cancellationToken);
    }

    private async Task RecordFeedbackAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var passageId = turnContext.Activity.GetValueString(AnswerFeedback.PassageKey);
        var useful = turnContext.Activity.GetValueBool(AnswerFeedback.UsefulKey);

        // Only ids of real passages are counted (and logged): a crafted submit cannot put text into the log.
        if (passageId is not null && useful is not null && search.GetPassage(passageId) is not null)
        {
            feedback.Record(passageId, useful.Value);
        }

        await turnContext.SendActivityAsync(AnswerTexts.FeedbackThanks, cancellationToken).ConfigureAwait(false);
    }

    private static Task<ResourceResponse?> SendCardAsync(
        ITurnContext turnContext, AdaptiveCard card, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardMessage.From(card), cancellationToken);
}

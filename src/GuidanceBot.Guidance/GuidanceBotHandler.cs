using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Schema.Teams;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Routing;
using GuidanceBot.Guidance.Sharing;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance;

/// <summary>
/// The product's turn routing (STYLE.md §3): invoke → active dialog → command words → question answering.
/// In group chats and channels it only reacts when @mentioned; everywhere it works on the text without the
/// @mentions. In groups it does not run the guided flows, which collect case details, where many people read along.
/// </summary>
public sealed class GuidanceBotHandler(
    FlowRouter flows,
    QuestionAnswering answering,
    SearchExtension searchExtension,
    AnswerFeedback feedback,
    LastSummaries lastSummaries,
    LastSummaryForSearch lastSummaryForSearch,
    IPassageSearch search) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var inGroup = activity.IsGroupConversation();
        if (inGroup)
        {
            // Teams only delivers mentioned messages in groups, but other channels (and tests) may not filter.
            // A card submit carries no mention (PROTOCOL.md §4.5) but is meant for the bot: it comes from its card.
            if (!activity.MentionsRecipient() && !PromptSubmit.IsCardSubmit(activity))
            {
                return;
            }
        }

        // In a personal chat an @mention of the bot is optional, but Teams sends it the same way (PROTOCOL.md §4.3):
        // "@GuidanceBot melden" must start the flow there too. Colleagues' mentions go as well: not part of a question.
        activity.RemoveMentions();

        // Feedback comes from answer cards, which may sit above a running flow: it must not reach the flow.
        if (activity.GetValueString(AnswerFeedback.VerbKey) == AnswerFeedback.Verb)
        {
            await RecordFeedbackAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (inGroup && FlowCatalog.ByCommand(Commands.Normalize(activity.GetValueString(Commands.ValueKey) ?? activity.Text)) is not null)
        {
            await turnContext.SendActivityAsync(GuidanceTexts.FlowsOnlyInPersonalChat, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Command words, flow cards and anything said while a flow runs belong to the flows.
        if (await flows.OnMessageAsync(turnContext, answering.AnswerAsync, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var text = activity.Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            await turnContext.SendActivityAsync(WelcomeCard.MessageFor(turnContext.Activity), cancellationToken).ConfigureAwait(false);
            return;
        }

        await answering.AnswerAsync(turnContext, text, cancellationToken).ConfigureAwait(false);
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
            await turnContext.SendActivityAsync(WelcomeCard.MessageFor(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Removing the app deletes what it kept at once rather than at expiry: the conversation's running flow and,
    /// when it was removed from the personal chat, the user's latest summary (a summary is the user's, not a
    /// group's). An upgrade ("remove-upgrade", "add-upgrade") keeps both: the user goes on where they were.
    /// </summary>
    protected override async Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!string.Equals(turnContext.Activity.Action, InstallationActions.Remove, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        await flows.ForgetConversationAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (!turnContext.Activity.IsGroupConversation())
        {
            await lastSummaries.ForgetAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Name == MessagingExtensionQuery.InvokeName)
        {
            var query = MessagingExtensionQuery.From(turnContext.Activity);
            if (query is null)
            {
                return MessagingExtensionQuery.Malformed;
            }

            // The sender's latest summary, from whichever chat the compose box is in: a read, never a write,
            // and left out when the store cannot give it in time.
            var lastSummary = SearchExtension.IsSearch(query)
                ? await lastSummaryForSearch.FindAsync(turnContext, cancellationToken).ConfigureAwait(false)
                : null;
            return new InvokeResponse(200, searchExtension.Query(query, lastSummary).ToJsonElement());
        }

        return await base.OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
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
}

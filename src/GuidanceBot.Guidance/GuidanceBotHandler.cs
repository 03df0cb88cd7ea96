using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Welcome;

namespace GuidanceBot.Guidance;

/// <summary>
/// The product's turn routing (STYLE.md §3): invoke → active dialog → command words → question answering.
/// In group chats and channels it only reacts when @mentioned, and works on the text without the mention.
/// </summary>
public sealed class GuidanceBotHandler : ActivityHandler
{
    private readonly FlowRouter _flows;

    public GuidanceBotHandler(FlowRouter flows)
    {
        _flows = flows;
    }

    protected override async Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        if (activity.IsGroupConversation())
        {
            // Teams only delivers mentioned messages in groups, but other channels (and tests) may not filter.
            // A card submit carries no mention (PROTOCOL.md §4.5) but is meant for the bot: it comes from its card.
            if (!activity.MentionsRecipient() && !PromptSubmit.IsCardSubmit(activity))
            {
                return;
            }

            activity.RemoveRecipientMention();
        }

        // Command words, flow cards and anything said while a flow runs belong to the flows.
        if (await _flows.OnMessageAsync(turnContext, AnswerQuestionAsync, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await AnswerQuestionAsync(turnContext, activity.Text ?? string.Empty, cancellationToken).ConfigureAwait(false);
    }

    // The question-answering path; the flows call it too for a question typed mid-flow.
    // TODO(#5): the lead replaces this with answers from the knowledge index; until then the welcome card.
    private static Task AnswerQuestionAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        SendCardAsync(turnContext, WelcomeCard.Build(), cancellationToken);

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

    private static Task<ResourceResponse?> SendCardAsync(
        ITurnContext turnContext, AdaptiveCard card, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardMessage.From(card), cancellationToken);
}

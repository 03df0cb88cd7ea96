using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.State;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Guidance.Routing;
using GuidanceBot.Guidance.Welcome;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Guidance.Flows;

/// <summary>Answers a question typed in a message; the handler's question-answering path.</summary>
public delegate Task QuestionAnswerer(ITurnContext turnContext, string question, CancellationToken cancellationToken);

/// <summary>
/// The flow part of a message turn, in one place (STYLE.md §5: stop, help and menu are handled once, not
/// per flow). Loads the conversation state, then: command words (stop/annuleren, help/menu, signaleren,
/// risico, melden, verder) → a question typed mid-flow (answered, then the flow asks again; not while the
/// flow asks for a note in the user's own words) → the active flow. Stale card clicks, retry limits and
/// state of an older version get a short Dutch explanation. Saves the state with its ETag at the end; a
/// conflicting save throws (never overwrites), and the adapter re-runs the whole turn on fresh state
/// (<see cref="BotFramework.Adapter.CloudAdapter"/>): no retry here.
/// </summary>
public sealed partial class FlowRouter
{
    private readonly ConversationState<GuidanceConversation> _state;
    private readonly LastSummaries _lastSummaries;
    private readonly DialogSet _dialogs;
    private readonly ILogger<FlowRouter> _logger;

    public FlowRouter(
        ConversationState<GuidanceConversation> state,
        SignalerenDialog signaleren,
        RisicotaxatieDialog risicotaxatie,
        MeldenDialog melden,
        LastSummaries lastSummaries,
        ILogger<FlowRouter> logger)
    {
        _state = state;
        _lastSummaries = lastSummaries;
        _dialogs = new DialogSet().Add(signaleren).Add(risicotaxatie).Add(melden);
        _logger = logger;
    }

    /// <summary>
    /// Handles the message if it belongs to the flows (a command word, a card of a flow, or any message
    /// while a flow runs) and returns true; returns false for everything else, which is the caller's
    /// (welcome, question answering). <paramref name="answerQuestion"/> answers questions typed mid-flow.
    /// </summary>
    public async Task<bool> OnMessageAsync(ITurnContext turnContext, QuestionAnswerer answerQuestion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(answerQuestion);
        var conversation = await _state.LoadAsync(turnContext, cancellationToken).ConfigureAwait(false);
        var handled = await RouteAsync(turnContext, conversation, answerQuestion, cancellationToken).ConfigureAwait(false);

        // A flow that ended with its summary becomes the user's latest summary (for the message extension).
        // Saved before the conversation: a conflict on either re-runs the whole turn, and the conversation
        // save, which moves the flow on, is the last thing the turn does (see CloudAdapter on re-runs).
        if (turnContext.TurnState.Get<CompletedFlowSummary>() is { } completed)
        {
            await _lastSummaries.RecordAsync(turnContext, completed, cancellationToken).ConfigureAwait(false);
            await _lastSummaries.SaveChangesAsync(turnContext, cancellationToken).ConfigureAwait(false);
        }

        await _state.SaveChangesAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return handled;
    }

    /// <summary>Deletes the conversation's flow state now (the app was removed from the conversation).</summary>
    public Task ForgetConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _state.DeleteAsync(turnContext, cancellationToken);

    private async Task<bool> RouteAsync(
        ITurnContext turnContext, GuidanceConversation conversation, QuestionAnswerer answerQuestion, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var dc = _dialogs.CreateContext(turnContext, conversation.Dialogs);
        var active = FlowCatalog.ByDialogId(dc.ActiveDialog?.Id);

        if (_state.GetLoadStatus(turnContext) == StateLoadStatus.Incompatible)
        {
            LogDiscarded(_logger, "document");
            await SendOutdatedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var command = ReadCommand(turnContext);
        if (command is not null && active is not null && IsFromOldPromptCard(dc, command))
        {
            // Stop (or go on) on a card of an earlier step or an earlier flow: not the flow the user sees now.
            LogStaleSubmit(_logger, active.DialogId);
            await turnContext.SendActivityAsync(FlowTexts.StaleCard(active.Name), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (command is not null)
        {
            return await OnCommandAsync(dc, active, command, cancellationToken).ConfigureAwait(false);
        }

        if (active is null)
        {
            if (PromptSubmit.ReadNonce(activity) is null)
            {
                return false;
            }

            // A card of a flow that has ended (or a stack that expired): never start anything from it.
            await turnContext.SendActivityAsync(FlowTexts.CardNoLongerActive, cancellationToken).ConfigureAwait(false);
            return true;
        }

        // A note in the user's own words may start with "wie" or end in "?": while a flow asks for one, it is the note.
        if (!PromptSubmit.IsCardSubmit(activity) && QuestionDetector.IsQuestion(activity.Text) && !dc.WaitsForFreeText())
        {
            LogQuestionMidFlow(_logger, active.DialogId);
            await answerQuestion(turnContext, activity.Text!, cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(FlowTexts.ContinueAfterQuestion(active.Name), cancellationToken).ConfigureAwait(false);
            await RepromptAsync(dc, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var result = await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
        await ExplainAsync(turnContext, active, result, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> OnCommandAsync(DialogContext dc, FlowInfo? active, string command, CancellationToken cancellationToken)
    {
        var turnContext = dc.Context;
        if (command is Commands.Stop or Commands.Annuleren)
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            LogStopped(_logger, active?.DialogId ?? "-");
            await turnContext.SendActivityAsync(
                active is null ? FlowTexts.NoFlowRunning : FlowTexts.Stopped(active.Name), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (command == FlowTexts.ContinueCommand)
        {
            if (active is null)
            {
                await turnContext.SendActivityAsync(FlowTexts.NoFlowRunning, cancellationToken).ConfigureAwait(false);
                return true;
            }

            await RepromptAsync(dc, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (Commands.HelpWords.Contains(command))
        {
            await turnContext.SendActivityAsync(WelcomeCard.MessageFor(turnContext.Activity), cancellationToken).ConfigureAwait(false);
            if (active is not null)
            {
                await turnContext.SendActivityAsync(FlowTexts.StillRunning(active.Name), cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        var flow = FlowCatalog.ByCommand(command)!;
        if (active == flow)
        {
            await turnContext.SendActivityAsync(FlowTexts.AlreadyRunning(flow.Name), cancellationToken).ConfigureAwait(false);
            await RepromptAsync(dc, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (active is not null)
        {
            await dc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(FlowTexts.Switched(active.Name, flow.Name), cancellationToken).ConfigureAwait(false);
        }

        LogStarted(_logger, flow.DialogId);
        await dc.BeginDialogAsync(flow.DialogId, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task ExplainAsync(ITurnContext turnContext, FlowInfo active, DialogTurnResult result, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.Get<StaleSubmitNotice>() is not null)
        {
            LogStaleSubmit(_logger, active.DialogId);
            await turnContext.SendActivityAsync(FlowTexts.StaleCard(active.Name), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (result.StateDiscarded)
        {
            LogDiscarded(_logger, active.DialogId);
            await SendOutdatedAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (result.TryGetResult<FlowResult>(out var ended))
        {
            LogEnded(_logger, ended.FlowId, ended.Reason);
            if (ended.Reason == FlowEndReason.RetryLimitReached)
            {
                await turnContext.SendActivityAsync(FlowTexts.RetryLimitReached(active.Name), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        var result = await dc.RepromptDialogAsync(cancellationToken).ConfigureAwait(false);
        if (result.StateDiscarded)
        {
            LogDiscarded(_logger, "reprompt");
            await SendOutdatedAsync(dc.Context, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendOutdatedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        await turnContext.SendActivityAsync(FlowTexts.StateOutdated, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(WelcomeCard.MessageFor(turnContext.Activity), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// True for a button of a prompt card (it carries a nonce) that acts on the running flow — stop, or go on —
    /// when the flow does not wait on that card. Commands that start a flow are taken from any card: the user
    /// asks for that flow by name.
    /// </summary>
    private static bool IsFromOldPromptCard(DialogContext dc, string command) =>
        command is Commands.Stop or Commands.Annuleren or FlowTexts.ContinueCommand
        && PromptSubmit.ReadNonce(dc.Context.Activity) is { } nonce
        && !string.Equals(nonce, dc.GetWaitingCardNonce(), StringComparison.Ordinal);

    /// <summary>The command of a card button (<c>value.command</c>) or of typed text; null when there is none.</summary>
    private static string? ReadCommand(ITurnContext turnContext)
    {
        var inputs = PromptSubmit.ReadInputs(turnContext.Activity);
        var word = inputs.TryGetValue(Commands.ValueKey, out var fromCard)
            ? Commands.Normalize(fromCard)
            : PromptSubmit.IsCardSubmit(turnContext.Activity) ? null : Commands.Normalize(turnContext.Activity.Text);
        return word switch
        {
            null or "" => null,
            Commands.Stoppen => Commands.Stop,
            Commands.Stop or Commands.Annuleren or FlowTexts.ContinueCommand => word,
            _ when Commands.HelpWords.Contains(word) => word,
            _ when FlowCatalog.ByCommand(word) is not null => word,
            _ => null,
        };
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Flow {Flow} started")]
    private static partial void LogStarted(ILogger logger, string flow);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "Flow {Flow} stopped by the user")]
    private static partial void LogStopped(ILogger logger, string flow);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Information, Message = "Flow {Flow} ended: {Reason}")]
    private static partial void LogEnded(ILogger logger, string flow, FlowEndReason reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information, Message = "Stale card submit ignored in flow {Flow}")]
    private static partial void LogStaleSubmit(ILogger logger, string flow);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning, Message = "Stored flow state discarded ({Where}): other schema version or unknown dialog")]
    private static partial void LogDiscarded(ILogger logger, string where);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information, Message = "Question answered in the middle of flow {Flow}")]
    private static partial void LogQuestionMidFlow(ILogger logger, string flow);
}

using GuidanceBot.BotFramework.Adapter;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// A step-by-step conversation unit (the Bot Framework's <c>Dialog</c>). Dialogs are stateless singletons:
/// everything per conversation lives in the <see cref="DialogInstance"/> on the stack.
/// </summary>
public abstract class Dialog
{
    /// <summary>The result for "wait for the user's next activity".</summary>
    public static readonly DialogTurnResult EndOfTurn = new(DialogTurnStatus.Waiting);

    protected Dialog(string dialogId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dialogId);
        Id = dialogId;
    }

    /// <summary>Unique within the <see cref="DialogSet"/> the dialog is added to.</summary>
    public string Id { get; }

    /// <summary>Called when the dialog is pushed onto the stack; its instance is <see cref="DialogContext.ActiveDialog"/>.</summary>
    public abstract Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, DialogOptions? options, CancellationToken cancellationToken);

    /// <summary>Called with the user's next activity while the dialog is active. By default the dialog ends.</summary>
    public virtual Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(null, cancellationToken);
    }

    /// <summary>Called when a child dialog this dialog started has ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        return dc.EndDialogAsync(result, cancellationToken);
    }

    /// <summary>Asks the user again for whatever the dialog is waiting for.</summary>
    public virtual Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// The dialog that waits for the user's next message, with its instance: this one, or for a dialog that runs
    /// others (<see cref="ComponentDialog"/>) the innermost active one. What it waits for is asked of that one.
    /// </summary>
    /// <exception cref="DialogStateException">The instance's state cannot be read.</exception>
    public virtual (Dialog Dialog, DialogInstance Instance) Innermost(DialogInstance instance) => (this, instance);

    /// <summary>
    /// The nonce of the card this dialog waits on (a prompt's), or null when it waits on no card. Card buttons
    /// that act on the flow as a whole (stop) compare it with theirs, so that an old card cannot stop what runs now.
    /// </summary>
    /// <exception cref="DialogStateException">The instance's state cannot be read.</exception>
    public virtual string? GetWaitingCardNonce(DialogInstance instance) => null;

    /// <summary>
    /// True when this dialog waits for typed text in the user's own words (a text prompt): then any typed
    /// message is the answer, even one that reads like a question, and the caller must not take it as one.
    /// </summary>
    /// <exception cref="DialogStateException">The instance's state cannot be read.</exception>
    public virtual bool WaitsForFreeText(DialogInstance instance) => false;

    /// <summary>Called just before the instance leaves the stack (ended, replaced or cancelled).</summary>
    public virtual Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

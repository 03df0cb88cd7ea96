using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs.Prompts;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// A dialog stack in one turn, with the operations that change it (the Bot Framework's
/// <c>DialogContext</c>). A root context (no <see cref="Parent"/>) never lets a stored stack it cannot
/// read crash the turn: it discards the stack and reports <see cref="DialogTurnResult.StateDiscarded"/>.
/// </summary>
public sealed class DialogContext
{
    private readonly DialogState _state;

    internal DialogContext(DialogSet dialogs, ITurnContext turnContext, DialogState state, DialogContext? parent)
    {
        Dialogs = dialogs;
        Context = turnContext;
        _state = state;
        Parent = parent;
    }

    public DialogSet Dialogs { get; }

    public ITurnContext Context { get; }

    /// <summary>The context of the component dialog that owns this stack, if any.</summary>
    public DialogContext? Parent { get; }

    /// <summary>The stack; index 0 is the active dialog.</summary>
    public IReadOnlyList<DialogInstance> Stack => _state.DialogStack;

    public DialogInstance? ActiveDialog => _state.DialogStack.Count > 0 ? _state.DialogStack[0] : null;

    /// <summary>
    /// The nonce of the card the active dialog waits on (see <see cref="Dialog.GetWaitingCardNonce"/>), or null,
    /// also when the stored state cannot be read: then no card is current, and continuing the dialog discards that state.
    /// </summary>
    public string? GetWaitingCardNonce() => AskWaitingDialog(static (dialog, instance) => dialog.GetWaitingCardNonce(instance), null);

    /// <summary>
    /// True when the active dialog waits for typed free text (see <see cref="Dialog.WaitsForFreeText"/>); false
    /// when it waits for something else, when there is none, or when the stored state cannot be read.
    /// </summary>
    public bool WaitsForFreeText() => AskWaitingDialog(static (dialog, instance) => dialog.WaitsForFreeText(instance), false);

    /// <summary>Pushes the dialog <paramref name="dialogId"/> and starts it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(
        string dialogId, DialogOptions? options, CancellationToken cancellationToken)
    {
        var dialog = FindDialog(dialogId)
            ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' in this context or its parents.");
        _state.DialogStack.Insert(0, new DialogInstance { Id = dialogId });
        return await dialog.BeginDialogAsync(this, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the prompt <paramref name="dialogId"/> with <paramref name="options"/>.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken) =>
        BeginDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Hands the turn's activity to the active dialog; <see cref="DialogTurnStatus.Empty"/> when there is none.</summary>
    public Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (ActiveDialog is not { } instance)
            {
                return new DialogTurnResult(DialogTurnStatus.Empty);
            }

            return await Require(instance.Id).ContinueDialogAsync(this, cancellationToken).ConfigureAwait(false);
        });

    /// <summary>Ends the active dialog with <paramref name="result"/> and resumes the one below it.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        await EndActiveDialogAsync(DialogReason.EndCalled, cancellationToken).ConfigureAwait(false);
        if (ActiveDialog is { } parent)
        {
            return await Require(parent.Id).ResumeDialogAsync(this, DialogReason.EndCalled, result, cancellationToken)
                .ConfigureAwait(false);
        }

        return new DialogTurnResult(DialogTurnStatus.Complete, result);
    }

    /// <summary>Ends the active dialog and starts <paramref name="dialogId"/> in its place.</summary>
    public async Task<DialogTurnResult> ReplaceDialogAsync(
        string dialogId, DialogOptions? options, CancellationToken cancellationToken)
    {
        await EndActiveDialogAsync(DialogReason.ReplaceCalled, cancellationToken).ConfigureAwait(false);
        return await BeginDialogAsync(dialogId, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Cancels every dialog on this stack (each gets its end hook); Empty when there was none.</summary>
    public async Task<DialogTurnResult> CancelAllDialogsAsync(CancellationToken cancellationToken)
    {
        if (_state.DialogStack.Count == 0)
        {
            return new DialogTurnResult(DialogTurnStatus.Empty);
        }

        try
        {
            while (_state.DialogStack.Count > 0)
            {
                await EndActiveDialogAsync(DialogReason.CancelCalled, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (DialogStateException) when (Parent is null)
        {
            // A stack this build cannot read is dropped all the same: cancelling must always work.
            _state.DialogStack.Clear();
        }

        return new DialogTurnResult(DialogTurnStatus.Cancelled);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public Task<DialogTurnResult> RepromptDialogAsync(CancellationToken cancellationToken) =>
        GuardAsync(async () =>
        {
            if (ActiveDialog is not { } instance)
            {
                return new DialogTurnResult(DialogTurnStatus.Empty);
            }

            await Require(instance.Id).RepromptDialogAsync(Context, instance, cancellationToken).ConfigureAwait(false);
            return Dialog.EndOfTurn;
        });

    /// <summary>Finds a dialog in this context's set or, failing that, in the parents' sets.</summary>
    public Dialog? FindDialog(string dialogId) => Dialogs.Find(dialogId) ?? Parent?.FindDialog(dialogId);

    private Dialog Require(string dialogId) =>
        FindDialog(dialogId) ?? throw new DialogStateException($"The stack names dialog '{dialogId}', which this build does not have.");

    private async Task EndActiveDialogAsync(DialogReason reason, CancellationToken cancellationToken)
    {
        if (ActiveDialog is not { } instance)
        {
            return;
        }

        if (FindDialog(instance.Id) is { } dialog)
        {
            await dialog.EndDialogAsync(Context, instance, reason, cancellationToken).ConfigureAwait(false);
        }

        // The hook may have changed the stack (a component cancelling its children works on its own stack).
        _state.DialogStack.Remove(instance);
    }

    private async Task<DialogTurnResult> GuardAsync(Func<Task<DialogTurnResult>> operation)
    {
        if (Parent is not null)
        {
            return await operation().ConfigureAwait(false);
        }

        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (DialogStateException)
        {
            _state.DialogStack.Clear();
            return new DialogTurnResult(DialogTurnStatus.Cancelled) { StateDiscarded = true };
        }
    }

    /// <summary>Asks the dialog that waits for the user (<see cref="Dialog.Innermost"/>); <paramref name="otherwise"/> when none does or its state cannot be read.</summary>
    private T AskWaitingDialog<T>(Func<Dialog, DialogInstance, T> ask, T otherwise)
    {
        try
        {
            return ActiveDialog is { } active && FindDialog(active.Id) is { } dialog && dialog.Innermost(active) is var (waiting, instance)
                ? ask(waiting, instance)
                : otherwise;
        }
        catch (DialogStateException)
        {
            return otherwise;
        }
    }
}

using GuidanceBot.BotFramework.Adapter;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// A dialog made of dialogs (the Bot Framework's <c>ComponentDialog</c>): it keeps its own inner stack in
/// its instance state and starts <see cref="InitialDialogId"/> when it begins. It ends when its inner
/// stack completes, with the inner result.
/// </summary>
public class ComponentDialog : Dialog
{
    private readonly DialogSet _dialogs = new();

    public ComponentDialog(string dialogId)
        : base(dialogId)
    {
    }

    /// <summary>The dialog started when the component begins; by default the first one added.</summary>
    public string? InitialDialogId { get; protected set; }

    /// <summary>Adds an inner dialog.</summary>
    public ComponentDialog AddDialog(Dialog dialog)
    {
        _dialogs.Add(dialog);
        InitialDialogId ??= dialog.Id;
        return this;
    }

    /// <summary>An inner dialog by id.</summary>
    public Dialog? FindDialog(string dialogId) => _dialogs.Find(dialogId);

    public override async Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, DialogOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = new DialogState();
        instance.SetState(inner, DialogJsonContext.Default.DialogState);
        var innerDc = new DialogContext(_dialogs, dc.Context, inner, dc);
        var turn = await OnBeginDialogAsync(innerDc, options, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(dc, instance, inner, turn, cancellationToken).ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var inner = ReadInner(instance);
        var innerDc = new DialogContext(_dialogs, dc.Context, inner, dc);
        var turn = await OnContinueDialogAsync(innerDc, cancellationToken).ConfigureAwait(false);
        return await AfterInnerTurnAsync(dc, instance, inner, turn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A dialog this component started on the parent stack ended: ask again for the inner dialog's input.</summary>
    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task RepromptDialogAsync(
        ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var inner = ReadInner(instance);
        var innerDc = new DialogContext(_dialogs, turnContext, inner, parent: null);
        if (innerDc.ActiveDialog is { } active && _dialogs.Find(active.Id) is { } dialog)
        {
            await dialog.RepromptDialogAsync(turnContext, active, cancellationToken).ConfigureAwait(false);
        }

        instance.SetState(inner, DialogJsonContext.Default.DialogState);
    }

    public override (Dialog Dialog, DialogInstance Instance) Innermost(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return ReadInner(instance).DialogStack is [var active, ..] && _dialogs.Find(active.Id) is { } dialog
            ? dialog.Innermost(active)
            : (this, instance);
    }

    public override async Task EndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (reason == DialogReason.CancelCalled)
        {
            var inner = ReadInner(instance);
            var innerDc = new DialogContext(_dialogs, turnContext, inner, parent: null);
            await innerDc.CancelAllDialogsAsync(cancellationToken).ConfigureAwait(false);
            instance.SetState(inner, DialogJsonContext.Default.DialogState);
        }

        await OnEndDialogAsync(turnContext, instance, reason, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the initial dialog on the inner stack.</summary>
    protected virtual Task<DialogTurnResult> OnBeginDialogAsync(
        DialogContext innerDc, DialogOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.BeginDialogAsync(
            InitialDialogId ?? throw new InvalidOperationException($"Component '{Id}' has no dialogs."),
            options,
            cancellationToken);
    }

    /// <summary>Continues the inner stack; override to look at the activity first (interruptions).</summary>
    protected virtual Task<DialogTurnResult> OnContinueDialogAsync(DialogContext innerDc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(innerDc);
        return innerDc.ContinueDialogAsync(cancellationToken);
    }

    /// <summary>Called when the component leaves the stack, after its inner dialogs were cancelled.</summary>
    protected virtual Task OnEndDialogAsync(
        ITurnContext turnContext, DialogInstance instance, DialogReason reason, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private static DialogState ReadInner(DialogInstance instance) =>
        instance.GetState(DialogJsonContext.Default.DialogState)
        ?? throw new DialogStateException($"Component '{instance.Id}' has no inner stack.");

    private static async Task<DialogTurnResult> AfterInnerTurnAsync(
        DialogContext dc, DialogInstance instance, DialogState inner, DialogTurnResult turn, CancellationToken cancellationToken)
    {
        if (turn.Status == DialogTurnStatus.Complete)
        {
            return await dc.EndDialogAsync(turn.Result, cancellationToken).ConfigureAwait(false);
        }

        instance.SetState(inner, DialogJsonContext.Default.DialogState);
        return turn.Status == DialogTurnStatus.Cancelled
            ? await dc.EndDialogAsync(turn.Result, cancellationToken).ConfigureAwait(false)
            : turn;
    }
}

using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>One step of a <see cref="WaterfallDialog"/>.</summary>
public delegate Task<DialogTurnResult> WaterfallStep(WaterfallStepContext stepContext, CancellationToken cancellationToken);

/// <summary>
/// Runs its steps in order, one per user answer (the Bot Framework's <c>WaterfallDialog</c>). A step
/// usually reads the previous answer from <see cref="WaterfallStepContext.Result"/> and starts a prompt;
/// the prompt's result is handed to the next step. After the last step the dialog ends.
/// </summary>
public class WaterfallDialog : Dialog
{
    private readonly List<WaterfallStep> _steps = [];

    public WaterfallDialog(string dialogId, IEnumerable<WaterfallStep>? steps = null)
        : base(dialogId)
    {
        if (steps is not null)
        {
            _steps.AddRange(steps);
        }
    }

    /// <summary>The number of steps.</summary>
    public int StepCount => _steps.Count;

    /// <summary>Adds a step after the existing ones.</summary>
    public WaterfallDialog AddStep(WaterfallStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        _steps.Add(step);
        return this;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, DialogOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        instance.SetState(new WaterfallState { StepIndex = -1 }, DialogJsonContext.Default.WaterfallState);
        OnBegin(instance, options);
        return await RunStepAsync(dc, instance, 0, DialogReason.BeginCalled, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A plain message continues the waterfall with the message text as result; other activities wait.</summary>
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (dc.Context.Activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        return await ResumeDialogAsync(dc, DialogReason.ContinueCalled, dc.Context.Activity.Text, cancellationToken)
            .ConfigureAwait(false);
    }

    public override async Task<DialogTurnResult> ResumeDialogAsync(
        DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var instance = dc.ActiveDialog!;
        var state = ReadState(instance);
        return await RunStepAsync(dc, instance, state.StepIndex + 1, reason, result, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs step <paramref name="index"/>, or ends the dialog with <paramref name="result"/> after the last one.</summary>
    internal async Task<DialogTurnResult> RunStepAsync(
        DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        if (index >= _steps.Count)
        {
            return await dc.EndDialogAsync(result, cancellationToken).ConfigureAwait(false);
        }

        var state = ReadState(instance);
        state.StepIndex = index;
        instance.SetState(state, DialogJsonContext.Default.WaterfallState);
        var stepContext = CreateStepContext(dc, instance, index, reason, result);
        var turn = await _steps[index](stepContext, cancellationToken).ConfigureAwait(false);
        if (dc.Stack.Contains(instance))
        {
            OnStepReturned(instance);
        }

        return turn;
    }

    /// <summary>Reads this waterfall's stored state.</summary>
    protected static WaterfallState ReadState(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.GetState(DialogJsonContext.Default.WaterfallState)
            ?? throw new DialogStateException($"Waterfall '{instance.Id}' has no state.");
    }

    /// <summary>Writes this waterfall's state back (after typed values changed).</summary>
    protected static void WriteState(DialogInstance instance, WaterfallState state)
    {
        ArgumentNullException.ThrowIfNull(instance);
        instance.SetState(state, DialogJsonContext.Default.WaterfallState);
    }

    /// <summary>Called once when the waterfall begins, before the first step (typed waterfalls create their values).</summary>
    protected virtual void OnBegin(DialogInstance instance, DialogOptions? options)
    {
    }

    /// <summary>Creates the context handed to a step.</summary>
    protected virtual WaterfallStepContext CreateStepContext(
        DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result) =>
        new(this, dc, instance, index, reason, result);

    /// <summary>Called after a step returned while the waterfall is still on the stack (typed waterfalls save their values).</summary>
    protected internal virtual void OnStepReturned(DialogInstance instance)
    {
    }
}

using System.Text.Json.Serialization.Metadata;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.State;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// A guided flow: a <see cref="ComponentDialog"/> around one typed <see cref="WaterfallDialog{TState}"/>.
/// Subclasses add their prompts with <see cref="ComponentDialog.AddDialog"/> and their steps, in the
/// order the user meets them, with <see cref="AddSteps"/>. A prompt that reaches its retry limit never
/// reaches the next step: the flow ends with <see cref="FlowEndReason.RetryLimitReached"/>.
/// </summary>
public abstract class FlowDialog<TState> : ComponentDialog
    where TState : class, IVersionedState, new()
{
    private readonly JsonTypeInfo<TState> _stateTypeInfo;

    protected FlowDialog(string dialogId, JsonTypeInfo<TState> stateTypeInfo)
        : base(dialogId)
    {
        _stateTypeInfo = stateTypeInfo;
    }

    /// <summary>The id of the inner waterfall.</summary>
    public string StepsDialogId => Id + ".steps";

    /// <summary>Registers the flow's steps, in order.</summary>
    protected void AddSteps(params FlowStep<TState>[] steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var waterfall = new WaterfallDialog<TState>(StepsDialogId, _stateTypeInfo, steps.Select(GuardRetryLimit));
        AddDialog(waterfall);
        InitialDialogId = waterfall.Id;
    }

    /// <summary>A prompt gave up after its retry limit. By default the flow ends (the caller tells the user).</summary>
    protected virtual Task<DialogTurnResult> OnRetryLimitReachedAsync(
        FlowStepContext<TState> stepContext, PromptRetryLimitReached limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stepContext);
        return stepContext.EndDialogAsync(new FlowResult(Id, FlowEndReason.RetryLimitReached), cancellationToken);
    }

    private FlowStep<TState> GuardRetryLimit(FlowStep<TState> step) =>
        (context, cancellationToken) => context.TryGetResult<PromptRetryLimitReached>(out var limit)
            ? OnRetryLimitReachedAsync(context, limit, cancellationToken)
            : step(context, cancellationToken);
}

using GuidanceBot.BotFramework.State;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>A <see cref="WaterfallStepContext"/> with the flow's typed <see cref="State"/>.</summary>
public sealed class FlowStepContext<TState> : WaterfallStepContext
    where TState : class, IVersionedState, new()
{
    internal FlowStepContext(
        WaterfallDialog waterfall, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result, TState state)
        : base(waterfall, dc, instance, index, reason, result)
    {
        State = state;
    }

    /// <summary>The flow's answers so far; changes are stored when the step returns.</summary>
    public TState State { get; }
}

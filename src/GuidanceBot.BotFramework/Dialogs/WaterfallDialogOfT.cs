using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GuidanceBot.BotFramework.State;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>One step of a typed waterfall (a flow).</summary>
public delegate Task<DialogTurnResult> FlowStep<TState>(FlowStepContext<TState> step, CancellationToken cancellationToken)
    where TState : class, IVersionedState, new();

/// <summary>
/// A waterfall whose steps share one typed state object, <typeparamref name="TState"/>, instead of the
/// SDK's untyped <c>Values</c> bag. The state is stored with the flow's own source-generated type info;
/// a stored state of another <see cref="IVersionedState.SchemaVersion"/> is refused with a
/// <see cref="DialogStateException"/>.
/// </summary>
public sealed class WaterfallDialog<TState> : WaterfallDialog
    where TState : class, IVersionedState, new()
{
    private readonly JsonTypeInfo<TState> _typeInfo;

    public WaterfallDialog(string dialogId, JsonTypeInfo<TState> typeInfo, IEnumerable<FlowStep<TState>> steps)
        : base(dialogId)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _typeInfo = typeInfo;
        foreach (var step in steps)
        {
            // The cast is safe: CreateStepContext below makes every context of this waterfall.
            AddStep((context, cancellationToken) => step((FlowStepContext<TState>)context, cancellationToken));
        }
    }

    protected override void OnBegin(DialogInstance instance, DialogOptions? options)
    {
        var state = ReadState(instance);
        var values = new TState { SchemaVersion = TState.CurrentSchemaVersion };
        state.TypedValues = values;
        state.Values = JsonSerializer.SerializeToElement(values, _typeInfo);
        WriteState(instance, state);
    }

    protected override WaterfallStepContext CreateStepContext(
        DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result) =>
        new FlowStepContext<TState>(this, dc, instance, index, reason, result, ReadValues(instance));

    protected internal override void OnStepReturned(DialogInstance instance)
    {
        var state = ReadState(instance);
        if (state.TypedValues is TState values)
        {
            state.Values = JsonSerializer.SerializeToElement(values, _typeInfo);
            WriteState(instance, state);
        }
    }

    private TState ReadValues(DialogInstance instance)
    {
        var state = ReadState(instance);
        if (state.TypedValues is TState cached)
        {
            return cached;
        }

        TState? values;
        try
        {
            values = state.Values?.Deserialize(_typeInfo);
        }
        catch (JsonException ex)
        {
            throw new DialogStateException($"The values of '{Id}' cannot be read as {typeof(TState).Name}.", ex);
        }

        if (values is null || values.SchemaVersion != TState.CurrentSchemaVersion)
        {
            throw new DialogStateException(
                $"The values of '{Id}' have schema version {values?.SchemaVersion}, this build reads {TState.CurrentSchemaVersion}.");
        }

        state.TypedValues = values;
        return values;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>The stored state of a waterfall: the step it is at, and (for typed waterfalls) the flow's values.</summary>
public sealed class WaterfallState
{
    /// <summary>The index of the step that ran last; an <see cref="int"/> by type, never a boxed Int64 (botbuilder-dotnet #871).</summary>
    public int StepIndex { get; set; }

    /// <summary>The typed values of a <see cref="WaterfallDialog{TState}"/>, written with the flow's own type info.</summary>
    public JsonElement? Values { get; set; }

    /// <summary>The typed values read or written in this turn, shared by all steps that run in it.</summary>
    [JsonIgnore]
    internal object? TypedValues { get; set; }
}

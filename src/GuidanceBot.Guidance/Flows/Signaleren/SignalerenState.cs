using GuidanceBot.BotFramework.State;

namespace GuidanceBot.Guidance.Flows.Signaleren;

/// <summary>The answers of the signaleren flow: ticked signal ids and the LVB answer. No free text.</summary>
public sealed class SignalerenState : IVersionedState
{
    public static int CurrentSchemaVersion => 1;

    public int SchemaVersion { get; set; }

    /// <summary>Ids from <see cref="SignalDomains"/> that were ticked.</summary>
    public List<string> Signals { get; set; } = [];

    /// <summary>Whether the young person has (possibly) an LVB; null until asked.</summary>
    public Answer? Lvb { get; set; }
}

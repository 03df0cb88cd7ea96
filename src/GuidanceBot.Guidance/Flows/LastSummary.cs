using GuidanceBot.BotFramework.State;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;

namespace GuidanceBot.Guidance.Flows;

/// <summary>
/// The outcome of the user's latest completed flow, kept per user so the message extension can offer its
/// summary card again from any chat ("Mijn laatste samenvatting"). It holds the flow's own typed answers
/// (ids, flags, choices), exactly one of the three, and when the flow ended: the card is rebuilt from them.
/// Never free text: the signaleren note is not part of <see cref="SignalerenState"/> and so is never kept.
/// Expires with the flow state (<see cref="BotStateOptions.ConversationIdleTimeout"/>).
/// </summary>
public sealed class LastSummary : IBotStateDocument
{
    /// <summary>Raise it when this document changes shape; a flow state's own version is checked on rebuild.</summary>
    public static int CurrentSchemaVersion => 1;

    public int SchemaVersion { get; set; }

    /// <summary>When the flow ended (UTC).</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    public SignalerenState? Signaleren { get; set; }

    public RisicotaxatieState? Risicotaxatie { get; set; }

    public MeldenState? Melden { get; set; }

    public bool IsEmpty() => CompletedAt is null || (Signaleren is null && Risicotaxatie is null && Melden is null);
}

/// <summary>
/// A flow that reached its summary in this turn: set in the turn state by the flow's last step, recorded as
/// the user's <see cref="LastSummary"/> by <see cref="FlowRouter"/> when it saves the turn.
/// </summary>
public sealed record CompletedFlowSummary(SignalerenState? Signaleren, RisicotaxatieState? Risicotaxatie, MeldenState? Melden)
{
    public static CompletedFlowSummary Of(SignalerenState state) => new(state, null, null);

    public static CompletedFlowSummary Of(RisicotaxatieState state) => new(null, state, null);

    public static CompletedFlowSummary Of(MeldenState state) => new(null, null, state);
}

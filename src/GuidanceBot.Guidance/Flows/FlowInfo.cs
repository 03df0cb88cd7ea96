using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Guidance.Routing;

namespace GuidanceBot.Guidance.Flows;

/// <summary>A guided flow: its dialog id, the name users see and the command word that starts it.</summary>
public sealed record FlowInfo(string DialogId, string Name, string Command);

/// <summary>The three flows the product offers.</summary>
public static class FlowCatalog
{
    public static FlowInfo Signaleren { get; } = new(nameof(SignalerenDialog), "Signaleren", Commands.Signaleren);

    public static FlowInfo Risicotaxatie { get; } = new(nameof(RisicotaxatieDialog), "Risicotaxatie", Commands.Risico);

    public static FlowInfo Melden { get; } = new(nameof(MeldenDialog), "Melden", Commands.Melden);

    public static IReadOnlyList<FlowInfo> All { get; } = [Signaleren, Risicotaxatie, Melden];

    public static FlowInfo? ByCommand(string command) =>
        All.FirstOrDefault(f => string.Equals(f.Command, command, StringComparison.OrdinalIgnoreCase));

    public static FlowInfo? ByDialogId(string? dialogId) =>
        All.FirstOrDefault(f => string.Equals(f.DialogId, dialogId, StringComparison.Ordinal));
}

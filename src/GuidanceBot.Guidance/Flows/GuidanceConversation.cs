using System.Text.Json.Serialization;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.State;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;

namespace GuidanceBot.Guidance.Flows;

/// <summary>
/// What the product keeps per conversation: only the dialog stack of a running flow (with its choices and
/// flags). With no flow running it is empty, and nothing is stored at all.
/// </summary>
public sealed class GuidanceConversation : IBotStateDocument
{
    public static int CurrentSchemaVersion => 1;

    public int SchemaVersion { get; set; }

    public DialogState Dialogs { get; set; } = new();

    public bool IsEmpty() => Dialogs.DialogStack.Count == 0;
}

/// <summary>Source-generated JSON for the stored conversation and every flow state.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(GuidanceConversation))]
[JsonSerializable(typeof(SignalerenState))]
[JsonSerializable(typeof(RisicotaxatieState))]
[JsonSerializable(typeof(MeldenState))]
[JsonSerializable(typeof(LastSummary))]
internal sealed partial class FlowJsonContext : JsonSerializerContext;

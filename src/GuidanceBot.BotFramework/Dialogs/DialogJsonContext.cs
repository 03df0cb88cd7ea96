using System.Text.Json.Serialization;
using GuidanceBot.BotFramework.Dialogs.Prompts;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>Source-generated JSON metadata for the engine's own stored states.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DialogState))]
[JsonSerializable(typeof(WaterfallState))]
[JsonSerializable(typeof(PromptState))]
public sealed partial class DialogJsonContext : JsonSerializerContext;

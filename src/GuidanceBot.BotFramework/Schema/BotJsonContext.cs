using System.Text.Json;
using System.Text.Json.Serialization;
using GuidanceBot.BotFramework.Schema.Teams;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>Source-generated System.Text.Json metadata for the wire types (camelCase, nulls omitted).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    MaxDepth = 64)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ExpectedReplies))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(MessagingExtensionQuery))]
[JsonSerializable(typeof(MessagingExtensionResponse))]
public sealed partial class BotJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace GuidanceBot.Cards.Model;

/// <summary>Source-generated serialization of the card model: camelCase, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(TextBlock))]
[JsonSerializable(typeof(RichTextBlock))]
[JsonSerializable(typeof(Container))]
[JsonSerializable(typeof(ColumnSet))]
[JsonSerializable(typeof(FactSet))]
[JsonSerializable(typeof(ActionSet))]
[JsonSerializable(typeof(InputText))]
[JsonSerializable(typeof(InputToggle))]
[JsonSerializable(typeof(InputChoiceSet))]
[JsonSerializable(typeof(ActionOpenUrl))]
[JsonSerializable(typeof(ActionSubmit))]
[JsonSerializable(typeof(ActionShowCard))]
internal sealed partial class CardJsonContext : JsonSerializerContext;

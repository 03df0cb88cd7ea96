using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.Cards.Model;

/// <summary>
/// Writes body elements and actions through the serializer's generated code for their concrete type; each
/// type writes its own <c>type</c> first. Why not <c>[JsonPolymorphic]</c>: polymorphism sends every element
/// down the serializer's slow, reflection-style path (measured: an answer card took 24 µs to serialize).
/// The card model is only ever written, never read.
/// </summary>
internal static class CardModelConverters
{
    public static NotSupportedException Unknown(object value) =>
        new($"{value.GetType().Name} has no entry in {nameof(CardModelConverters)}: add it there and to {nameof(CardJsonContext)}.");
}

/// <summary>A converter for a part of the card model, which is only ever written.</summary>
internal abstract class WriteOnlyConverter<T> : JsonConverter<T>
{
    public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeToConvert.Name} is only written, never read.");
}

internal sealed class CardElementConverter : WriteOnlyConverter<CardElement>
{
    public override void Write(Utf8JsonWriter writer, CardElement value, JsonSerializerOptions options)
    {
        var context = CardJsonContext.Default;
        switch (value)
        {
            case TextBlock element:
                JsonSerializer.Serialize(writer, element, context.TextBlock);
                break;
            case RichTextBlock element:
                JsonSerializer.Serialize(writer, element, context.RichTextBlock);
                break;
            case Container element:
                JsonSerializer.Serialize(writer, element, context.Container);
                break;
            case ColumnSet element:
                JsonSerializer.Serialize(writer, element, context.ColumnSet);
                break;
            case FactSet element:
                JsonSerializer.Serialize(writer, element, context.FactSet);
                break;
            case ActionSet element:
                JsonSerializer.Serialize(writer, element, context.ActionSet);
                break;
            case InputText element:
                JsonSerializer.Serialize(writer, element, context.InputText);
                break;
            case InputToggle element:
                JsonSerializer.Serialize(writer, element, context.InputToggle);
                break;
            case InputChoiceSet element:
                JsonSerializer.Serialize(writer, element, context.InputChoiceSet);
                break;
            default:
                throw CardModelConverters.Unknown(value);
        }
    }
}

internal sealed class CardActionConverter : WriteOnlyConverter<CardAction>
{
    public override void Write(Utf8JsonWriter writer, CardAction value, JsonSerializerOptions options)
    {
        var context = CardJsonContext.Default;
        switch (value)
        {
            case ActionOpenUrl action:
                JsonSerializer.Serialize(writer, action, context.ActionOpenUrl);
                break;
            case ActionSubmit action:
                JsonSerializer.Serialize(writer, action, context.ActionSubmit);
                break;
            case ActionShowCard action:
                JsonSerializer.Serialize(writer, action, context.ActionShowCard);
                break;
            default:
                throw CardModelConverters.Unknown(value);
        }
    }
}

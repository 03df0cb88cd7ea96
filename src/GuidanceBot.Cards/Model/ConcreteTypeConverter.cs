using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.Cards.Model;

/// <summary>
/// Writes a body element or an action through the serializer's generated code for its concrete type, looked up
/// in <see cref="CardJsonContext"/>; each type writes its own <c>type</c> first. Why not <c>[JsonPolymorphic]</c>:
/// polymorphism sends every element down the serializer's slow, reflection-style path (measured: an answer card
/// took 24 µs to serialize). The card model is only ever written, never read.
/// </summary>
/// <typeparam name="T">The abstract base (<see cref="CardElement"/> or <see cref="CardAction"/>).</typeparam>
internal sealed class ConcreteTypeConverter<T> : JsonConverter<T>
    where T : class
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeToConvert.Name} is only written, never read.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        var type = value.GetType();
        var typeInfo = CardJsonContext.Default.GetTypeInfo(type)
            ?? throw new NotSupportedException($"{type.Name} is not in {nameof(CardJsonContext)}: add a [JsonSerializable] for it there.");
        JsonSerializer.Serialize(writer, value, typeInfo);
    }
}

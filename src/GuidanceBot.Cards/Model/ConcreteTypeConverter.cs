using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace GuidanceBot.Cards.Model;

/// <summary>
/// Writes a body element or an action through the serializer's generated code for its concrete type, looked up
/// in <see cref="CardJsonContext"/>; each type writes its own <c>type</c> first. Why not <c>[JsonPolymorphic]</c>:
/// polymorphism sends every element down the serializer's slow, reflection-style path (measured: an answer card
/// took 24 µs to serialize). The card model is only ever written, never read.
/// </summary>
/// <remarks>
/// The generated handler is called directly rather than through <see cref="JsonSerializer"/>'s root entry point,
/// which validates, sets up and flushes the writer again for every element (~16 % of serializing an answer card in
/// a profile of 2026-12-03; BenchmarkDotNet's <c>SerializeAnswerCard</c> went from 9.0 to 8.6–8.7 µs, same bytes).
/// </remarks>
/// <typeparam name="T">The abstract base (<see cref="CardElement"/> or <see cref="CardAction"/>).</typeparam>
internal sealed class ConcreteTypeConverter<T> : JsonConverter<T>
    where T : class
{
    private static readonly ConcurrentDictionary<Type, Action<Utf8JsonWriter, T>> Writers = new();

    private static readonly MethodInfo WriterOfMethod =
        typeof(ConcreteTypeConverter<T>).GetMethod(nameof(WriterOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeToConvert.Name} is only written, never read.");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        Writers.GetOrAdd(value.GetType(), NewWriter)(writer, value);

    private static Action<Utf8JsonWriter, T> NewWriter(Type type)
    {
        var typeInfo = CardJsonContext.Default.GetTypeInfo(type)
            ?? throw new NotSupportedException($"{type.Name} is not in {nameof(CardJsonContext)}: add a [JsonSerializable] for it there.");
        return (Action<Utf8JsonWriter, T>)WriterOfMethod.MakeGenericMethod(type).Invoke(null, [typeInfo])!;
    }

    /// <summary>The generated handler for <typeparamref name="TConcrete"/>, or the serializer's own path when none was generated.</summary>
    private static Action<Utf8JsonWriter, T> WriterOf<TConcrete>(JsonTypeInfo<TConcrete> typeInfo)
        where TConcrete : T
    {
        var handler = typeInfo.SerializeHandler;
        return handler is null
            ? (writer, value) => JsonSerializer.Serialize(writer, (TConcrete)value, typeInfo)
            : (writer, value) => handler(writer, (TConcrete)value);
    }
}

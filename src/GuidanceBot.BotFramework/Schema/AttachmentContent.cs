using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>
/// The <c>content</c> of an attachment: any JSON value (for an Adaptive Card, the card). A card the bot
/// made is kept as the UTF-8 JSON it was serialized to and written into the reply as it is; content read
/// from a request is kept as the parsed element. Either way <see cref="Element"/> reads it.
/// </summary>
/// <remarks>
/// Why not a <see cref="JsonElement"/>: a card of a few KB was serialized, parsed into a document to make the
/// element, and written out token by token again when the reply was serialized — measured, about a sixth of
/// a question turn's CPU. Immutable, so one instance can be shared by many replies (the help card is).
/// </remarks>
[JsonConverter(typeof(AttachmentContentConverter))]
public sealed class AttachmentContent
{
    private readonly ReadOnlyMemory<byte> _utf8Json;
    private JsonElement? _element;

    private AttachmentContent(ReadOnlyMemory<byte> utf8Json, JsonElement? element)
    {
        _utf8Json = utf8Json;
        _element = element;
    }

    /// <summary>
    /// Content from JSON the caller made with a JSON serializer; it is written as it is, so it must be one
    /// valid JSON value. The bytes must not change afterwards.
    /// </summary>
    public static AttachmentContent FromUtf8Json(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            throw new ArgumentException("Attachment content cannot be empty JSON.", nameof(utf8Json));
        }

        return new(utf8Json, null);
    }

    public static AttachmentContent FromElement(JsonElement element) => new(ReadOnlyMemory<byte>.Empty, element);

    /// <summary>The content as a JSON element (parsed on first use when it was made from UTF-8 JSON).</summary>
    public JsonElement Element => _element ??= JsonElement.Parse(_utf8Json.Span);

    /// <summary>The content as UTF-8 JSON.</summary>
    public ReadOnlyMemory<byte> ToUtf8Json() =>
        _element is { } element && _utf8Json.IsEmpty ? JsonSerializer.SerializeToUtf8Bytes(element, BotJsonContext.Default.JsonElement) : _utf8Json;

    internal void WriteTo(Utf8JsonWriter writer)
    {
        if (!_utf8Json.IsEmpty)
        {
            // Made by a serializer (see FromUtf8Json): valid JSON, so the writer need not check it again.
            writer.WriteRawValue(_utf8Json.Span, skipInputValidation: true);
            return;
        }

        _element!.Value.WriteTo(writer);
    }
}

/// <summary>Reads any JSON value into <see cref="AttachmentContent"/> and writes it back unchanged.</summary>
internal sealed class AttachmentContentConverter : JsonConverter<AttachmentContent>
{
    public override AttachmentContent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        AttachmentContent.FromElement(JsonElement.ParseValue(ref reader));

    public override void Write(Utf8JsonWriter writer, AttachmentContent value, JsonSerializerOptions options) =>
        value.WriteTo(writer);
}

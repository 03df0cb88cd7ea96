using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>Writes a JSON response body: serialized in full first, then sent with its Content-Length in one write.</summary>
/// <remarks>
/// Why not <c>JsonSerializer.SerializeAsync</c> to the body stream: a reply is a few KB that exist in memory
/// anyway, and the asynchronous path (resumable converters, a flush per buffer, chunked transfer because the
/// length is unknown) cost more than the serialization itself in the profile of a help turn.
/// </remarks>
internal static class JsonResponseWriter
{
    /// <summary>A buffer that grew beyond this for a large reply is left to the GC instead of being kept.</summary>
    private const int MaxRetainedBytes = 64 * 1024;

    // One spare buffer per thread, so a reply allocates nothing (as the serializer's pooled stream path did). A request
    // takes it out of the slot while it uses it, so no other request on the thread can share it, even across the await.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _threadBuffer;

    public static async Task WriteAsync<T>(HttpResponse response, T value, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var buffer = _threadBuffer ?? new ArrayBufferWriter<byte>(16 * 1024);
        _threadBuffer = null;
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        try
        {
            await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Put back only once the bytes are written, into the slot of whichever thread the write completed on.
            if (buffer.Capacity <= MaxRetainedBytes)
            {
                _threadBuffer = buffer;
            }
        }
    }
}

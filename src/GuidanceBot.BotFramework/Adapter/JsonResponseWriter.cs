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
    /// <summary>Replies above this size are written from a buffer of their own instead of the thread's.</summary>
    private const int MaxRetainedBytes = 64 * 1024;

    // One buffer per thread: a turn serializes its reply without awaiting, so no other request can use it meanwhile.
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
            // Returned only once the bytes are written: the write may complete on another thread.
            if (buffer.Capacity <= MaxRetainedBytes)
            {
                _threadBuffer = buffer;
            }
        }
    }
}

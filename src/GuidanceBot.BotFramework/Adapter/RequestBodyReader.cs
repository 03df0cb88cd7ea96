using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>Reads a request body up to a limit, without trusting Content-Length alone.</summary>
internal static class RequestBodyReader
{
    /// <summary>The body, or null when it is larger than <paramref name="maxBytes"/>.</summary>
    /// <remarks>
    /// Reads through the request's pipe, which buffers the body in pooled segments: the only array made is
    /// the body itself, at its exact size (a fixed 16 KB chunk and a growing stream per request were measured
    /// at about a fifth of a question turn's allocations).
    /// </remarks>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var reader = request.BodyReader;
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > maxBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var body = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return body;
            }

            // Nothing consumed, everything examined: the next read returns once more of the body has arrived.
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

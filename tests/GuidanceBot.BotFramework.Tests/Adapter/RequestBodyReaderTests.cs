using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.Testing;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.BotFramework.Tests.Adapter;

public sealed class RequestBodyReaderTests
{
    private static readonly byte[] Body = [.. Enumerable.Range(0, 5000).Select(i => (byte)(i % 251))];

    [Fact]
    public async Task ReadAsync_BodyInPiecesWithoutLength_ReturnsItWhole()
    {
        var stream = new TrickleStream(Body, maxPerRead: 700);

        var read = await RequestBodyReader.ReadAsync(Request(stream, contentLength: null), maxBytes: 6000, CancellationToken.None);

        Assert.Equal(Body, read);
        Assert.True(stream.Reads > 1, "the body should have arrived in several reads");
    }

    [Fact]
    public async Task ReadAsync_BodyInPiecesOverTheLimit_IsNull()
    {
        var read = await RequestBodyReader.ReadAsync(Request(new TrickleStream(Body, maxPerRead: 700), contentLength: null), maxBytes: 4999, CancellationToken.None);

        Assert.Null(read);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheLimit_IsNullWithoutReading()
    {
        var stream = new TrickleStream(Body);

        var read = await RequestBodyReader.ReadAsync(Request(stream, contentLength: Body.Length), maxBytes: 100, CancellationToken.None);

        Assert.Null(read);
        Assert.Equal(0, stream.Reads);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_IsEmpty()
    {
        var read = await RequestBodyReader.ReadAsync(Request(new TrickleStream([]), contentLength: 0), maxBytes: 100, CancellationToken.None);

        Assert.NotNull(read);
        Assert.Empty(read);
    }

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }
}

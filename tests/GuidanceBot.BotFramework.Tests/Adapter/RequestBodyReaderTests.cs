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

        Assert.Equal(Body, read.Body);
        Assert.True(stream.Reads > 1, "the body should have arrived in several reads");
    }

    [Fact]
    public async Task ReadAsync_BodyInPiecesOverTheLimit_Is413()
    {
        var read = await RequestBodyReader.ReadAsync(Request(new TrickleStream(Body, maxPerRead: 700), contentLength: null), maxBytes: 4999, CancellationToken.None);

        Assert.Null(read.Body);
        Assert.Equal(StatusCodes.Status413PayloadTooLarge, read.Failure!.Status);
    }

    [Fact]
    public async Task ReadAsync_ContentLengthOverTheLimit_Is413WithoutReading()
    {
        var stream = new TrickleStream(Body);

        var read = await RequestBodyReader.ReadAsync(Request(stream, contentLength: Body.Length), maxBytes: 100, CancellationToken.None);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, read.Failure!.Status);
        Assert.Equal(0, stream.Reads);
    }

    [Fact]
    public async Task ReadAsync_EmptyBody_IsEmpty()
    {
        var read = await RequestBodyReader.ReadAsync(Request(new TrickleStream([]), contentLength: 0), maxBytes: 100, CancellationToken.None);

        Assert.NotNull(read.Body);
        Assert.Empty(read.Body);
    }

    [Fact]
    public async Task ReadAsync_BodyKestrelRefuses_IsThatStatusWithoutThrowing()
    {
        // What Kestrel's body stream throws for a body shorter than its Content-Length or a broken chunk.
        var broken = new FailingStream(new BadHttpRequestException("Unexpected end of request content.", StatusCodes.Status400BadRequest));

        var read = await RequestBodyReader.ReadAsync(Request(broken, contentLength: 5000), maxBytes: 6000, CancellationToken.None);

        Assert.Equal(StatusCodes.Status400BadRequest, read.Failure!.Status);
        Assert.Equal("The request body could not be read.", read.Failure.Message);
    }

    private static HttpRequest Request(Stream body, long? contentLength)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = body;
        context.Request.ContentLength = contentLength;
        return context.Request;
    }

    private sealed class FailingStream(Exception failure) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw failure;

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<int>(failure);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

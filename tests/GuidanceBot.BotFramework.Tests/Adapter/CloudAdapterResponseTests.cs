using System.Text.Json;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

/// <summary>The HTTP response of a turn: the expectReplies body and an invoke's body, each sent whole with its length.</summary>
public sealed class CloudAdapterResponseTests
{
    private const string ExpectRepliesMessage =
        """{"type":"message","id":"1","text":"hallo","deliveryMode":"expectReplies","serviceUrl":"http://localhost:1/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""";

    private const string Invoke =
        """{"type":"invoke","name":"composeExtension/query","id":"1","serviceUrl":"http://localhost:1/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""";

    [Fact]
    public async Task ProcessAsync_ExpectReplies_WritesTheRepliesAsJsonWithTheirContentLength()
    {
        var request = AdapterHarness.Request(ExpectRepliesMessage);

        await NewAdapter().ProcessAsync(request, new ReplyingBot("eerste", "tweede"), CancellationToken.None);

        var body = Body(request);
        Assert.Equal(StatusCodes.Status200OK, request.Response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", request.Response.ContentType);
        Assert.Equal(body.Length, request.Response.ContentLength);
        Assert.Equal(["eerste", "tweede"], Texts(body));
    }

    [Fact]
    public async Task ProcessAsync_LargeReplyThenSmallOne_EachBodyIsWholeAndHoldsOnlyItsOwnReplies()
    {
        // Larger than the buffer a thread keeps between requests, then smaller: no bytes of the first may reach the second.
        var large = new string('x', 200_000);
        var first = AdapterHarness.Request(ExpectRepliesMessage);
        var second = AdapterHarness.Request(ExpectRepliesMessage);
        var adapter = NewAdapter();

        await adapter.ProcessAsync(first, new ReplyingBot(large), CancellationToken.None);
        await adapter.ProcessAsync(second, new ReplyingBot("klein"), CancellationToken.None);

        Assert.Equal([large], Texts(Body(first)));
        Assert.Equal(Body(first).Length, first.Response.ContentLength);
        Assert.Equal(["klein"], Texts(Body(second)));
        Assert.Equal(Body(second).Length, second.Response.ContentLength);
    }

    [Fact]
    public async Task ProcessAsync_InvokeWithBody_WritesTheBodyWithItsStatusAndLength()
    {
        var request = AdapterHarness.Request(Invoke);
        var bot = new InvokeBot(new InvokeResponse(200, JsonElement.Parse("""{"composeExtension":{"type":"result"}}""")));

        await NewAdapter().ProcessAsync(request, bot, CancellationToken.None);

        var body = Body(request);
        Assert.Equal(StatusCodes.Status200OK, request.Response.StatusCode);
        Assert.Equal(body.Length, request.Response.ContentLength);
        Assert.Equal("result", JsonDocument.Parse(body).RootElement.GetProperty("composeExtension").GetProperty("type").GetString());
    }

    private static CloudAdapter NewAdapter() => AdapterHarness.Create(
        new RecordingConnector(), new FakeTimeProvider(), new AdapterOptions { TypingDelay = TimeSpan.FromHours(1) });

    private static byte[] Body(DefaultHttpContext context) => ((MemoryStream)context.Response.Body).ToArray();

    private static List<string?> Texts(byte[] body) =>
        [.. JsonDocument.Parse(body).RootElement.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("text").GetString())];

    private sealed class ReplyingBot(params string[] replies) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            foreach (var reply in replies)
            {
                await turnContext.SendActivityAsync(reply, cancellationToken);
            }
        }
    }

    private sealed class InvokeBot(InvokeResponse response) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            turnContext.InvokeResponse = response;
            return Task.CompletedTask;
        }
    }
}

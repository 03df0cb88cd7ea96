using System.Net;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Tests.Connector;

/// <summary>The connector's request URIs and its Retry-After handling, against a stub connector and a test clock.</summary>
public sealed class ConnectorClientTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);

    private readonly ImmediateTimeProvider _time = new(TimeSpan.FromMinutes(30), Now);

    [Theory]
    [InlineData("99999999999")]
    [InlineData("2147483648")]
    public async Task SendToConversation_RetryAfterTooLargeForTheHeaderParser_GivesUpAtOnce(string retryAfter)
    {
        var connector = new StubHttpHandler(_ => Throttled(retryAfter));

        var failure = await Assert.ThrowsAsync<ConnectorException>(
            () => NewClient(connector).SendToConversationAsync(Activity(), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, failure.StatusCode);
        Assert.Single(connector.Requests);
        Assert.Empty(_time.FiredDelays);
    }

    [Fact]
    public async Task SendToConversation_OneRegionDown_RepliesToOtherRegionsOnTheSameHostStillGoOut()
    {
        // Teams serves its regions from one host under different paths.
        var (connector, client) = NewClientFailingUnder("/emea/");
        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ConnectorException>(
                () => client.SendToConversationAsync(Activity("https://smba.trafficmanager.net/emea/"), CancellationToken.None));
        }

        var amer = await client.SendToConversationAsync(Activity("https://smba.trafficmanager.net/amer/"), CancellationToken.None);
        var requestsBefore = connector.Requests.Count;
        var emea = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Activity("https://smba.trafficmanager.net/emea/"), CancellationToken.None));

        Assert.Equal("reply-1", amer?.Id);
        Assert.Equal(requestsBefore, connector.Requests.Count);
        Assert.Contains("circuit", emea.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversation_ManyServiceRoots_LaterOnesShareTheHostsBreaker()
    {
        // Only local anonymous mode accepts any path; the map of breakers must stop growing there.
        var (connector, client) = NewClientFailingUnder("/late-");
        for (var i = 0; i < 300; i++)
        {
            await client.SendToConversationAsync(Activity($"http://127.0.0.1:4556/early-{i}/"), CancellationToken.None);
        }

        for (var i = 0; i < 2; i++)
        {
            await Assert.ThrowsAsync<ConnectorException>(
                () => client.SendToConversationAsync(Activity($"http://127.0.0.1:4556/late-{i}/"), CancellationToken.None));
        }

        var requestsBefore = connector.Requests.Count;
        var pastTheCap = await Assert.ThrowsAsync<ConnectorException>(
            () => client.SendToConversationAsync(Activity("http://127.0.0.1:4556/early-299/"), CancellationToken.None));
        var ownBreaker = await client.SendToConversationAsync(Activity("http://127.0.0.1:4556/early-0/"), CancellationToken.None);

        Assert.Contains("circuit", pastTheCap.Message, StringComparison.Ordinal);
        Assert.Equal(requestsBefore + 1, connector.Requests.Count);
        Assert.Equal("reply-1", ownBreaker?.Id);
    }

    // A client whose connector fails every call under a path prefix and answers the rest; two failures open a breaker.
    private (StubHttpHandler Connector, ConnectorClient Client) NewClientFailingUnder(string failingPathPrefix)
    {
        var connector = new StubHttpHandler(request => request.Uri.AbsolutePath.StartsWith(failingPathPrefix, StringComparison.Ordinal)
            ? new HttpResponseMessage(HttpStatusCode.InternalServerError)
            : StubHttpHandler.Json("""{"id":"reply-1"}"""));
        var options = new ConnectorOptions { MaxRetries = 0, BreakerFailureThreshold = 2, AttemptTimeout = TimeSpan.FromHours(1) };
        return (connector, NewClient(connector, options));
    }

    [Theory]
    [InlineData("429", "8")]
    [InlineData("503", "")]
    public async Task SendToConversation_TypingRefused_IsNotRetried(string status, string retryAfter)
    {
        // A typing indicator retried after its Retry-After would hold back the answer it announces.
        var connector = new StubHttpHandler(_ =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture));
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            return response;
        });
        var typing = Activity();
        typing.Type = ActivityTypes.Typing;
        typing.Text = null;

        await Assert.ThrowsAsync<ConnectorException>(() => NewClient(connector).SendToConversationAsync(typing, CancellationToken.None));

        Assert.Single(connector.Requests);
        Assert.Empty(_time.FiredDelays);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("soon")]
    public async Task SendToConversation_RetryAfterMalformed_BacksOffAsIfThereWereNone(string retryAfter)
    {
        var connector = ThrottledThenOk(2, retryAfter);

        await NewClient(connector).SendToConversationAsync(Activity(), CancellationToken.None);

        Assert.Equal(3, connector.Requests.Count);
        Assert.Collection(
            _time.FiredDelays,
            first => Assert.InRange(first, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2)),
            second => Assert.InRange(second, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4)));
    }

    [Fact]
    public async Task SendToConversation_RetryAfterSeconds_WaitsAtLeastThatLongWithJitterWithinMaxDelay()
    {
        var connector = ThrottledThenOk(3, "2");

        await NewClient(connector).SendToConversationAsync(Activity(), CancellationToken.None);

        Assert.Equal(4, connector.Requests.Count);
        Assert.Equal(3, _time.FiredDelays.Count);
        Assert.All(_time.FiredDelays, delay => Assert.InRange(delay, TimeSpan.FromSeconds(2), MaxDelay));
        Assert.Contains(_time.FiredDelays, delay => delay > TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task SendToConversation_RetryAfterAtMaxDelay_WaitsNoLonger()
    {
        var connector = ThrottledThenOk(1, "10");

        await NewClient(connector).SendToConversationAsync(Activity(), CancellationToken.None);

        Assert.Equal([MaxDelay], _time.FiredDelays);
    }

    [Fact]
    public async Task SendToConversation_RetryAfterHttpDate_WaitsUntilThatDate()
    {
        var connector = ThrottledThenOk(1, (Now + TimeSpan.FromSeconds(5)).ToString("r"));

        await NewClient(connector).SendToConversationAsync(Activity(), CancellationToken.None);

        Assert.Equal(2, connector.Requests.Count);
        var delay = Assert.Single(_time.FiredDelays);
        Assert.InRange(delay, TimeSpan.FromSeconds(5), MaxDelay);
    }

    [Fact]
    public async Task SendToConversation_RetryAfterHttpDateBeyondMaxDelay_GivesUpAtOnce()
    {
        var connector = ThrottledThenOk(1, (Now + TimeSpan.FromMinutes(5)).ToString("r"));

        await Assert.ThrowsAsync<ConnectorException>(
            () => NewClient(connector).SendToConversationAsync(Activity(), CancellationToken.None));

        Assert.Single(connector.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4556/base?q=1#frag", "http://127.0.0.1:4556/base/v3/conversations/")]
    [InlineData("http://127.0.0.1:4556/base/?q=1", "http://127.0.0.1:4556/base/v3/conversations/")]
    [InlineData("http://127.0.0.1:4556#frag", "http://127.0.0.1:4556/v3/conversations/")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer/v3/conversations/")]
    public async Task ReplyToActivity_ServiceUrlWithQueryOrFragment_PostsToItsPathOnly(string serviceUrl, string expectedPrefix)
    {
        var connector = new StubHttpHandler(_ => StubHttpHandler.Json("""{"id":"reply-1"}"""));
        var activity = Activity(serviceUrl);
        activity.ReplyToId = "1:2=3";

        await NewClient(connector).ReplyToActivityAsync(activity, CancellationToken.None);

        var request = Assert.Single(connector.Requests);
        Assert.Equal(expectedPrefix + "19%3Aabc%40thread.v2%3Bmessageid%3D1/activities/1%3A2%3D3", request.Uri.AbsoluteUri);
        Assert.Empty(request.Uri.Query);
        Assert.Empty(request.Uri.Fragment);
    }

    private static Activity Activity(string serviceUrl = "http://127.0.0.1:4556/") => new()
    {
        Type = ActivityTypes.Message,
        Text = "hallo",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = "19:abc@thread.v2;messageid=1" },
    };

    private static HttpResponseMessage Throttled(string retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        return response;
    }

    private static StubHttpHandler ThrottledThenOk(int throttled, string retryAfter)
    {
        var attempts = 0;
        return new StubHttpHandler(_ => Interlocked.Increment(ref attempts) <= throttled
            ? Throttled(retryAfter)
            : StubHttpHandler.Json("""{"id":"reply-1"}"""));
    }

    private ConnectorClient NewClient(HttpMessageHandler connector, ConnectorOptions? options = null) => new(
        new StubClientFactory(connector),
        new AnonymousAccessTokenProvider(),
        _time,
        Options.Create(options ?? new ConnectorOptions { AttemptTimeout = TimeSpan.FromHours(1), MaxDelay = MaxDelay }),
        NullLogger<ConnectorClient>.Instance);

    private sealed class StubClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

using System.Net;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>How turns behave when the Bot Connector throttles or fails (PROTOCOL.md §2.1).</summary>
public sealed class ConnectorFaultTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Reply_Connector429WithRetryAfter_IsRetriedAfterThatDelayAndSucceeds()
    {
        var attempts = 0;
        _factory.Connector = new StubHttpHandler(_ =>
        {
            if (Interlocked.Increment(ref attempts) <= 2)
            {
                var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
                throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(2));
                return throttled;
            }

            return StubHttpHandler.Json("""{"id":"reply-1"}""");
        });
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, _factory.Connector.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)], _factory.Time.FiredDelays);
    }

    [Fact]
    public async Task Reply_Connector429Forever_GivesUpAfterBoundedRetries()
    {
        _factory.Connector = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.TooManyRequests));
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // One reply with 3 retries, then one apology with 3 retries: nothing loops forever.
        Assert.Equal(8, _factory.Connector.Requests.Count);
    }

    [Fact]
    public async Task Reply_RetryAfterBeyondLimit_IsNotWaitedFor()
    {
        _factory.Connector = new StubHttpHandler(_ =>
        {
            var throttled = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
            throttled.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromMinutes(5));
            return throttled;
        });
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_factory.Time.FiredDelays);
    }

    [Fact]
    public async Task Reply_Connector500_DoesNotCrashTheTurnOrTheHost()
    {
        _factory.Connector = new StubHttpHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var client = _factory.CreateClient();

        var first = await client.PostActivityAsync(TestActivities.Message("hallo"));
        var second = await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Single(await second.ReadRepliesAsync());
        // 500 is not transient: the reply and the apology are each tried once.
        Assert.Equal(2, _factory.Connector.Requests.Count);
    }

    [Fact]
    public async Task Reply_ConnectorUnreachable_DoesNotCrashTheTurn()
    {
        _factory.Connector = new StubHttpHandler(_ => throw new HttpRequestException("connection refused"));
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

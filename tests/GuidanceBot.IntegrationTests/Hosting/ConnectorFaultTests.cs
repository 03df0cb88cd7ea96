using System.Net;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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
        // Never earlier than asked; the jitter on top stays within MaxDelay (10 s).
        Assert.Equal(2, _factory.Time.FiredDelays.Count);
        Assert.All(_factory.Time.FiredDelays, delay => Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)));
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

    [Fact]
    public async Task Reply_ConnectorDown_OpensTheCircuitAnswersExpectRepliesAndClosesAfterTheBreak()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        _factory.ConfigureServices = services => services.AddSingleton<TimeProvider>(time);
        _factory.Settings["BotFramework:Connector:MaxRetries"] = "0";
        _factory.Settings["BotFramework:Connector:BreakerFailureThreshold"] = "2";
        _factory.Settings["BotFramework:Connector:BreakDuration"] = "00:00:30";
        var healthy = false;
        _factory.Connector = new StubHttpHandler(_ => healthy
            ? StubHttpHandler.Json("""{"id":"reply-1"}""")
            : new HttpResponseMessage(HttpStatusCode.ServiceUnavailable));
        var client = _factory.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("hallo"));
        var whenOpened = _factory.Connector.Requests.Count;
        var duringBreak = await client.PostActivityAsync(TestActivities.Message("hallo"));
        var expectReplies = await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true));
        var afterBreakStillOpen = _factory.Connector.Requests.Count;
        healthy = true;
        time.Advance(TimeSpan.FromSeconds(31));
        await client.PostActivityAsync(TestActivities.Message("hallo"));
        var afterTrial = _factory.Connector.Requests.Count;
        await client.PostActivityAsync(TestActivities.Message("hallo"));

        Assert.Equal(2, whenOpened);
        Assert.Equal(HttpStatusCode.OK, duringBreak.StatusCode);
        Assert.NotEmpty(await expectReplies.ReadRepliesAsync());
        Assert.Equal(whenOpened, afterBreakStillOpen);
        Assert.True(afterTrial > whenOpened, "The trial call after the break went out.");
        Assert.True(_factory.Connector.Requests.Count > afterTrial, "The circuit closed after the trial succeeded.");
    }
}

using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>
/// The two outbound calls of authentication when their endpoints fail: the OpenID metadata that inbound tokens
/// are checked against, and the outbound token that replies carry. Neither may turn into a 500, a hang past
/// its timeout, or a 401 that blames the caller's token.
/// </summary>
public sealed class AuthenticationFaultTests : IDisposable
{
    private const string AppId = "6f1c1f0e-0000-4000-8000-0000000000a1";
    private const string TenantId = "6f1c1f0e-0000-4000-8000-0000000000b2";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    // Far below what a hang used to cost (100 s per metadata fetch, 2 × 100 s per token request) and far above
    // what the timeouts set below allow; a test that exceeds it fails with a TaskCanceledException.
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan HangTime = ClientTimeout + TimeSpan.FromSeconds(10);

    private readonly TestTokenIssuer _issuer = new("msteams");
    private readonly BotApplicationFactory _factory = new();
    private int _metadataRequests;
    private int _tokenRequests;

    public AuthenticationFaultTests()
    {
        _factory.Settings["MicrosoftAppType"] = "SingleTenant";
        _factory.Settings["MicrosoftAppId"] = AppId;
        _factory.Settings["MicrosoftAppPassword"] = "test-secret";
        _factory.Settings["MicrosoftAppTenantId"] = TenantId;
        _factory.Settings["BotFramework:BotOpenIdMetadataUrl"] = TestTokenIssuer.MetadataUrl;
        _factory.Metadata = _issuer.MetadataHandler();
        _factory.TokenEndpoint = TokenEndpoint(Fault.None);
    }

    public enum Fault
    {
        None,
        ServerError,
        Refused,
        NoAnswer,
    }

    public void Dispose()
    {
        _factory.Dispose();
        _issuer.Dispose();
    }

    [Theory]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.Refused)]
    [InlineData(Fault.NoAnswer)]
    public async Task MetadataEndpointDown_Answers503WithRetryAfter_NotUnauthorized(Fault fault)
    {
        UseShortTimeout("BotFramework:MetadataTimeout");
        _factory.Metadata = Failing(fault, () => Interlocked.Increment(ref _metadataRequests));
        var client = Client();

        var response = await client.PostActivityAsync(Message(expectReplies: true), _issuer.CreateToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        Assert.Contains("signing keys could not be fetched", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(_factory.Logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) && line.Contains("[1008]", StringComparison.Ordinal));
        Assert.Empty(_factory.Connector.Requests);
        Assert.True(_metadataRequests >= 1);
    }

    [Fact]
    public async Task MetadataEndpointDownOnce_TheNextRequestFetchesItAgainAndIsAccepted()
    {
        var metadata = _issuer.MetadataHandler();
        var calls = 0;
        _factory.Metadata = new DelegatingStub(async (request, cancellationToken) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new HttpRequestException("connection refused")
                : await new HttpMessageInvoker(metadata, disposeHandler: false).SendAsync(request, cancellationToken));
        var client = Client();

        var first = await client.PostActivityAsync(Message(expectReplies: true), _issuer.CreateToken(AppId, ServiceUrl));
        var second = await client.PostActivityAsync(Message(expectReplies: true), _issuer.CreateToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await second.ReadRepliesAsync());
    }

    [Fact]
    public async Task MetadataEndpointDown_ABadTokenIsStillNeverAccepted()
    {
        _factory.Metadata = Failing(Fault.ServerError, () => Interlocked.Increment(ref _metadataRequests));
        var client = Client();

        var response = await client.PostActivityAsync(Message(expectReplies: true), "not-a-jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.Refused)]
    [InlineData(Fault.NoAnswer)]
    public async Task TokenEndpointDown_TurnFailsAsAConnectorFailure_AndAnswers200(Fault fault)
    {
        UseShortTimeout("BotFramework:TokenTimeout");
        _factory.TokenEndpoint = TokenEndpoint(fault);
        var client = Client();

        var response = await client.PostActivityAsync(Message(), _issuer.CreateToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_factory.Connector.Requests);
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("failed with ConnectorException", StringComparison.Ordinal));
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("No outbound token for the connector", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenEndpointThatNeverAnswers_IsGivenUpOnAtTheConnectorsAttemptTimeout()
    {
        // HttpClient would wait an hour; the connector's attempt timeout (fired at once by the test clock) must end the wait.
        _factory.Settings["BotFramework:TokenTimeout"] = "01:00:00";
        _factory.Settings["BotFramework:Connector:AttemptTimeout"] = "00:00:10";
        _factory.TokenEndpoint = TokenEndpoint(Fault.NoAnswer);
        var client = Client();

        var response = await client.PostActivityAsync(Message(), _issuer.CreateToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("No outbound token for the connector: timed out", StringComparison.Ordinal));
        Assert.Empty(_factory.Connector.Requests);
    }

    [Fact]
    public async Task TokenEndpointDown_OpensTheTokenCircuit_SoLaterTurnsDoNotWaitForIt()
    {
        _factory.Settings["BotFramework:Connector:BreakerFailureThreshold"] = "2";
        _factory.Settings["BotFramework:Connector:BreakDuration"] = "01:00:00";
        _factory.TokenEndpoint = TokenEndpoint(Fault.Refused);
        var client = Client();

        // The first turn fails twice (its reply, then its apology) and opens the circuit.
        await client.PostActivityAsync(Message(), _issuer.CreateToken(AppId, ServiceUrl));
        var requestsWhenOpened = _tokenRequests;
        var later = await client.PostActivityAsync(Message(), _issuer.CreateToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.True(requestsWhenOpened > 0);
        Assert.Equal(requestsWhenOpened, _tokenRequests);
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("Outbound token circuit opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TokenEndpointDown_TheRateLimitNoticeFailsQuietly_NotWith500()
    {
        _factory.Settings["BotFramework:RateLimits:ConversationPermits"] = "1";
        _factory.Settings["BotFramework:RateLimits:ConversationWindow"] = "01:00:00";
        _factory.TokenEndpoint = TokenEndpoint(Fault.ServerError);
        var client = Client();

        await client.PostActivityAsync(Message(), _issuer.CreateToken(AppId, ServiceUrl));
        var limited = await client.PostActivityAsync(Message(), _issuer.CreateToken(AppId, ServiceUrl));

        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("refused by the rate limit", StringComparison.Ordinal));
    }

    // A wall-clock HttpClient timeout (the test clock does not drive it): short, so a hanging endpoint costs a second.
    // Only for the endpoint a test breaks: a healthy one that a busy machine answers in more than a second would
    // fail the test too (the factory gives both timeouts an hour).
    private void UseShortTimeout(string setting) => _factory.Settings[setting] = "00:00:01";

    private HttpClient Client()
    {
        var client = _factory.CreateClient();
        client.Timeout = ClientTimeout;
        return client;
    }

    private HttpMessageHandler TokenEndpoint(Fault fault) => fault == Fault.None
        ? new StubHttpHandler(_ =>
        {
            Interlocked.Increment(ref _tokenRequests);
            return StubHttpHandler.Json("""{"token_type":"Bearer","expires_in":3600,"ext_expires_in":3600,"access_token":"outbound-token"}""");
        })
        : Failing(fault, () => Interlocked.Increment(ref _tokenRequests));

    private static DelegatingStub Failing(Fault fault, Action onRequest) =>
        new(async (_, cancellationToken) =>
        {
            onRequest();
            switch (fault)
            {
                case Fault.ServerError:
                    return new HttpResponseMessage(HttpStatusCode.InternalServerError);
                case Fault.Refused:
                    throw new HttpRequestException("connection refused");
                default:
                    // Longer than the test client waits, so a missing timeout fails the test; but finite, so that such a
                    // failure does not also keep the host's shutdown (which waits for the turn) open for an hour.
                    await Task.Delay(HangTime, cancellationToken);
                    return new HttpResponseMessage(HttpStatusCode.GatewayTimeout);
            }
        });

    private static JsonObject Message(bool expectReplies = false) =>
        TestActivities.Message("hallo", serviceUrl: ServiceUrl, expectReplies: expectReplies);
}

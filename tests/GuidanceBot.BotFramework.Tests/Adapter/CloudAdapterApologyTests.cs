using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Identity.Client;

namespace GuidanceBot.BotFramework.Tests.Adapter;

/// <summary>The apology after a failed turn is best effort: whatever stops it, the request ends normally and the log holds only the exception's type.</summary>
public sealed class CloudAdapterApologyTests : IDisposable
{
    private const string Apology = "probeer het nog eens";

    private readonly CapturingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggerFactory;

    public CloudAdapterApologyTests()
    {
        _loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(_logs));
    }

    public void Dispose() => _loggerFactory.Dispose();

    [Fact]
    public async Task ProcessAsync_ApologyFailsForWantOfAToken_EndsTheRequestAndLogsOnlyTheType()
    {
        // MSAL's messages carry tenant and trace ids; they must not reach the log.
        var connector = new ThrowingConnector(
            new MsalServiceException("invalid_client", "AADSTS7000215: Invalid client secret. Trace ID: 0f1e2d3c-tenant"));
        var request = AdapterHarness.Request();

        await NewAdapter(connector, new ApologyHandler()).ProcessAsync(request, new FailingBot(), CancellationToken.None);

        Assert.Equal(StatusCodes.Status200OK, request.Response.StatusCode);
        Assert.Equal(1, connector.Calls);
        Assert.Contains(_logs.Lines, line => line.Contains("[1004]", StringComparison.Ordinal)
            && line.Contains(nameof(MsalServiceException), StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("AADSTS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProcessAsync_ErrorHandlerItselfThrows_EndsTheRequest()
    {
        var request = AdapterHarness.Request();

        await NewAdapter(new RecordingConnector(), new BrokenHandler()).ProcessAsync(request, new FailingBot(), CancellationToken.None);

        Assert.Equal(StatusCodes.Status200OK, request.Response.StatusCode);
        Assert.Contains(_logs.Lines, line => line.Contains("[1004]", StringComparison.Ordinal)
            && line.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
    }

    private CloudAdapter NewAdapter(IConnectorClient connector, ITurnErrorHandler errorHandler) => AdapterHarness.Create(
        connector,
        new FakeTimeProvider(),
        new AdapterOptions { TurnRetryDelay = TimeSpan.Zero, TypingDelay = TimeSpan.FromHours(1) },
        errorHandler,
        _loggerFactory.CreateLogger<CloudAdapter>());

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidDataException("the turn failed");
    }

    private sealed class ApologyHandler : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(Apology, cancellationToken);
    }

    private sealed class BrokenHandler : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the error handler has a bug");
    }

    private sealed class ThrowingConnector(Exception failure) : IConnectorClient
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) => Fail();

        public Task<ResourceResponse?> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) => Fail();

        public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) => Fail();

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
            Fail();

        private Task<ResourceResponse?> Fail()
        {
            Interlocked.Increment(ref _calls);
            return Task.FromException<ResourceResponse?>(failure);
        }
    }
}

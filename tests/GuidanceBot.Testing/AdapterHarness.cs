using System.Diagnostics.Metrics;
using System.Text;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Testing;

/// <summary>
/// A <see cref="CloudAdapter"/> without a web host, for tests of the turn pipeline itself: anonymous
/// authentication, the given connector and clock, default rate limits.
/// </summary>
public static class AdapterHarness
{
    /// <summary>A minimal message activity on a loopback serviceUrl.</summary>
    public const string Message =
        """{"type":"message","id":"1","text":"hallo","serviceUrl":"http://localhost:1/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""";

    // One for every harness adapter: a Meter stays registered process-wide until it is disposed, and nobody listens here.
    private static readonly TurnMetrics SharedMetrics = new(new StandaloneMeterFactory());

    public static CloudAdapter Create(
        IConnectorClient connector,
        TimeProvider time,
        AdapterOptions options,
        ITurnErrorHandler? errorHandler = null,
        ILogger<CloudAdapter>? logger = null) => new(
        new AnonymousAuthenticator(),
        connector,
        Options.Create(new BotAuthenticationOptions()),
        Options.Create(options),
        time,
        new ConversationRateLimiter(Options.Create(new RateLimitOptions()), time),
        SharedMetrics,
        logger ?? NullLogger<CloudAdapter>.Instance,
        errorHandler);

    /// <summary>A POST to /api/messages with <paramref name="json"/> as its body and a readable response body.</summary>
    public static DefaultHttpContext Request(string json = Message)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>Meters that belong to no host.</summary>
    private sealed class StandaloneMeterFactory : IMeterFactory
    {
        public Meter Create(MeterOptions options) => new(options);

        public void Dispose()
        {
        }
    }

    private sealed class AnonymousAuthenticator : IBotAuthenticator
    {
        public bool RequiresToken => false;

        public Task<BotAuthenticationResult> AuthenticateAsync(
            string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(BotAuthenticationResult.Anonymous);
    }
}

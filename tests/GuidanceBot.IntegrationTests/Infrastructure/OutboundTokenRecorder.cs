using System.Collections.Concurrent;

namespace GuidanceBot.IntegrationTests.Infrastructure;

/// <summary>
/// Sits between the bot's connector client and the stub connector and remembers the bearer token of every
/// reply the bot sends, so the factory can check the bot's own outbound token reached no log line either.
/// </summary>
public sealed class OutboundTokenRecorder(ConcurrentBag<string> secrets) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization?.Parameter is { Length: > 0 } token)
        {
            secrets.Add(token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

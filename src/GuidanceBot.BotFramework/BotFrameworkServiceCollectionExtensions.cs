using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework;

/// <summary>
/// Registers the protocol layer: adapter, authentication (inbound and outbound) and connector client.
/// Options are bound by the host; this only wires services.
/// </summary>
public static class BotFrameworkServiceCollectionExtensions
{
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // These two keep the factory's request logging: their URIs are fixed metadata URLs and the token endpoint
        // of our own tenant (or the managed identity endpoint), from configuration, never user or conversation ids.
        // Explicit timeouts instead of HttpClient's 100 s: IdentityModel fetches metadata without the request's
        // cancellation, and MSAL retries a timed-out token request once (see the two options).
        services.AddHttpClient(BotTokenValidator.MetadataHttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = AuthOptions(provider).MetadataTimeout);
        services.AddHttpClient(MsalAccessTokenProvider.HttpClientName)
            .ConfigureHttpClient((provider, client) => client.Timeout = AuthOptions(provider).TokenTimeout);

        // Per-attempt timeouts are the connector's own (ConnectorOptions.AttemptTimeout).
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreateConnectorHandler)
            // The factory's loggers write "Start processing HTTP request POST <uri>" at Information, and open a scope
            // with the URI: both carry the raw conversation id, and only a log-level filter in appsettings.json kept
            // them out of the logs. ConnectorClient logs method, host and status itself.
            .RemoveAllLoggers();
        services.AddSingleton<IConnectorClient, ConnectorClient>();

        services.AddSingleton<IBotAuthenticator, BotTokenValidator>();
        services.AddSingleton<IAccessTokenProvider>(provider =>
            AuthOptions(provider).IsAnonymous
                ? new AnonymousAccessTokenProvider()
                : ActivatorUtilities.CreateInstance<MsalAccessTokenProvider>(provider));
        services.AddSingleton<ConversationRateLimiter>();
        services.AddMetrics();
        services.TryAddSingleton<TurnMetrics>();
        services.AddSingleton<CloudAdapter>();
        return services;
    }

    private static BotAuthenticationOptions AuthOptions(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value;

    /// <summary>
    /// The connector's own handler. It follows no redirects: a Bot Framework connector never redirects, and
    /// following one would carry the reply to wherever the serviceUrl's server points — in local anonymous mode
    /// past CloudAdapter's check that the serviceUrl is on loopback. A 3xx is a failed send, like any other
    /// status that is neither success nor transient.
    /// <para>
    /// It has no <see cref="SocketsHttpHandler.ActivityHeadersPropagator"/>: without one SocketsHttpHandler leaves
    /// its diagnostics stage out of the chain, so no <c>System.Net.Http.HttpRequestOut</c> activity (tag
    /// <c>url.full</c>) and no <c>HttpHandlerDiagnosticListener</c> event carries the request URI, with the raw
    /// conversation id, to an OpenTelemetry or Application Insights listener. What remains are the connection-level
    /// activities (host and port only). The price: connector calls carry no <c>traceparent</c> header and
    /// show up in traces only through those connection activities.
    /// </para>
    /// </summary>
    private static SocketsHttpHandler CreateConnectorHandler() => new()
    {
        AllowAutoRedirect = false,
        ActivityHeadersPropagator = null,
    };
}

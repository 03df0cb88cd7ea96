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
        services.AddHttpClient(BotTokenValidator.MetadataHttpClientName);
        services.AddHttpClient(MsalAccessTokenProvider.HttpClientName);

        // Per-attempt timeouts are the connector's own (ConnectorOptions.AttemptTimeout).
        services.AddHttpClient(ConnectorClient.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(CreateConnectorHandler);
        services.AddSingleton<IConnectorClient, ConnectorClient>();

        services.AddSingleton<IBotAuthenticator, BotTokenValidator>();
        services.AddSingleton<IAccessTokenProvider>(provider =>
            provider.GetRequiredService<IOptions<BotAuthenticationOptions>>().Value.IsAnonymous
                ? new AnonymousAccessTokenProvider()
                : ActivatorUtilities.CreateInstance<MsalAccessTokenProvider>(provider));
        services.AddSingleton<ConversationRateLimiter>();
        services.AddMetrics();
        services.TryAddSingleton<TurnMetrics>();
        services.AddSingleton<CloudAdapter>();
        return services;
    }

    /// <summary>
    /// The connector's own handler. It follows no redirects: a Bot Framework connector never redirects, and
    /// following one would carry the reply to wherever the serviceUrl's server points — in local anonymous mode
    /// past CloudAdapter's check that the serviceUrl is on loopback. A 3xx is a failed send, like any other
    /// status that is neither success nor transient.
    /// </summary>
    private static SocketsHttpHandler CreateConnectorHandler() => new()
    {
        AllowAutoRedirect = false,
    };
}

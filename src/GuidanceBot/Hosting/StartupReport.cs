using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Hosting;

/// <summary>
/// Says at start-up how the bot authenticates, and warns loudly about the local anonymous mode, which
/// must never reach production. Credential problems are logged one by one before start-up fails. Also
/// names the state store: behind a load balancer, one instance left on its own SQLite file would keep
/// its own copy of every conversation it happens to serve.
/// </summary>
internal sealed partial class StartupReport(
    IOptionsMonitor<BotAuthenticationOptions> options, IOptions<StorageOptions> storage, ILogger<StartupReport> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var auth = options.CurrentValue;
        if (auth.IsAnonymous)
        {
            LogAnonymous(logger);
        }
        else
        {
            LogAuthenticated(logger, auth.EffectiveAppType);
        }

        var store = storage.Value;
        var location = store.Provider switch
        {
            StorageProvider.AzureBlob => "container " + store.Container,
            StorageProvider.Sqlite => "folder " + store.Path,
            _ => "process memory, not shared",
        };
        LogStateStore(logger, store.Provider, location);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning,
        Message = "No MicrosoftAppId configured: running in LOCAL ANONYMOUS MODE. Requests are not authenticated and replies go only to loopback serviceUrls. Never use this mode in production.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Bot Framework authentication enabled ({AppType})")]
    private static partial void LogAuthenticated(ILogger logger, string appType);

    // "With its key ring beside it": the values are encrypted, but whoever can read the store can read the keys too
    // (docs/deployment.md); the line must not promise more than that.
    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "State store: {Provider} ({Location}), values encrypted with the key ring stored beside them")]
    private static partial void LogStateStore(ILogger logger, StorageProvider provider, string location);
}

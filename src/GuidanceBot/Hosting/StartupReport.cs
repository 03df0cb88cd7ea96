using GuidanceBot.BotFramework.Auth;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Hosting;

/// <summary>
/// Says at start-up how the bot authenticates, and warns loudly about the local anonymous mode, which
/// must never reach production. Credential problems are logged one by one before start-up fails.
/// </summary>
internal sealed partial class StartupReport(IOptionsMonitor<BotAuthenticationOptions> options, ILogger<StartupReport> logger)
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

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning,
        Message = "No MicrosoftAppId configured: running in LOCAL ANONYMOUS MODE. Requests are not authenticated and replies go only to loopback serviceUrls. Never use this mode in production.")]
    private static partial void LogAnonymous(ILogger logger);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Bot Framework authentication enabled ({AppType})")]
    private static partial void LogAuthenticated(ILogger logger, string appType);
}

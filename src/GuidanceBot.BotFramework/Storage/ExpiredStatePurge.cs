using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// Removes expired rows from the SQLite file every <see cref="SqliteStorage.PurgeInterval"/>. They are absent
/// for every reader from the moment they expire; this takes them out of the file, on an instance nobody talks
/// to as well, so that state about a child does not stay on disk past its expiry, and keeps the scan off the turns. Azure Blob
/// Storage has its lifecycle rule for that (docs/deployment.md); memory ends with the process.
/// </summary>
internal sealed partial class ExpiredStatePurge(
    IServiceProvider services, IOptions<StorageOptions> options, TimeProvider time, ILogger<ExpiredStatePurge> logger)
    : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>Starts the interval at once (ExecuteAsync runs on a thread of its own, whenever it gets one).</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider == StorageProvider.Sqlite)
        {
            _timer = new PeriodicTimer(SqliteStorage.PurgeInterval, time);
        }

        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_timer is not { } timer)
        {
            return;
        }

        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                await PurgeAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    private async Task PurgeAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Resolved at a tick, not at start-up, and every failure caught: a store that cannot be opened fails
            // turns and /readyz already, and a background chore must never stop the host.
            var store = services.GetRequiredKeyedService<IStorage>(StorageServiceCollectionExtensions.ProviderStoreKey);
            if (store is SqliteStorage sqlite)
            {
                await sqlite.PurgeExpiredAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            LogPurgeFailed(logger, ex.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2102, Level = LogLevel.Warning, Message = "Purging expired state failed ({ExceptionType}); trying again at the next interval")]
    private static partial void LogPurgeFailed(ILogger logger, string exceptionType);
}

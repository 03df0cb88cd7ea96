using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance.Flows;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Guidance.Sharing;

/// <summary>
/// The sender's latest summary for a message-extension search, or none when the store cannot give it in
/// <see cref="SearchExtensionOptions.LastSummaryTimeout"/>. Why not fail the search: its results come from the
/// index, and a store that is down or slow should cost only the "Mijn laatste samenvatting" result. Before, a
/// store outage answered every search with 503, and a slow store made it miss Teams' 5 s.
/// </summary>
public sealed partial class LastSummaryForSearch(
    LastSummaries summaries,
    IOptions<SearchExtensionOptions> options,
    TimeProvider time,
    ILogger<LastSummaryForSearch> logger)
{
    /// <summary>The latest summary, or null when there is none or the store did not give it in time.</summary>
    public async Task<SharedSummary?> FindAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(options.Value.LastSummaryTimeout, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await summaries.FindAsync(turnContext, either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogSummaryTooSlow(logger);
            return null;
        }
        catch (Exception exception) when (StorageUnavailableException.IsCause(exception) && !cancellationToken.IsCancellationRequested)
        {
            LogSummaryUnavailable(logger);
            return null;
        }
    }

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Search answered without the latest summary: the store did not answer in time")]
    private static partial void LogSummaryTooSlow(ILogger logger);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Search answered without the latest summary: the store is unavailable")]
    private static partial void LogSummaryUnavailable(ILogger logger);
}

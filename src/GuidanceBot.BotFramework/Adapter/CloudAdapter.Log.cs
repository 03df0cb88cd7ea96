using Microsoft.Extensions.Logging;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>The adapter's log lines: ids hashed (<see cref="LogIds"/>), never text, tokens or card content.</summary>
public sealed partial class CloudAdapter
{
    // Debug, not Information: at a line per turn the log was a measurable share of a turn's CPU and memory under load
    // (docs/benchmarks.md, 2026-12-04); TurnMetrics carries the durations. Failures and re-runs keep their own levels.
    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug,
        Message = "Turn {ActivityType} in conversation {Conversation} took {ElapsedMs:0.0} ms (attempt {Attempt})")]
    private static partial void LogTurn(ILogger logger, string activityType, string conversation, double elapsedMs, int attempt);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error,
        Message = "Turn {ActivityType} in conversation {Conversation} failed with {ExceptionType} (attempt {Attempt})")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, string conversation, string exceptionType, int attempt);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information,
        Message = "Turn {ActivityType} in conversation {Conversation}: state changed by another turn; re-running (attempt {Attempt} of {MaxAttempts} lost)")]
    private static partial void LogTurnConflict(ILogger logger, string activityType, string conversation, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Request rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Error,
        Message = "Request refused with 503: tokens cannot be checked, the issuer's metadata could not be fetched ({Reason})")]
    private static partial void LogAuthenticationUnavailable(ILogger logger, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Could not send the apology in conversation {Conversation}: {ExceptionType}")]
    private static partial void LogApologyFailed(ILogger logger, string conversation, string exceptionType);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning,
        Message = "Turn {ActivityType} in conversation {Conversation} refused by the rate limit ({Outcome})")]
    private static partial void LogRateLimited(ILogger logger, string activityType, string conversation, string outcome);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Typing indicator failed: {ExceptionType}")]
    private static partial void LogTypingFailed(ILogger logger, string exceptionType);
}

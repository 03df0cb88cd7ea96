using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Guidance.Answers;

/// <summary>
/// Counts "Nuttig" / "Niet nuttig" clicks per passage id. No text and no user is kept: only the
/// passage id and the verdict, in memory and as a structured log event that a log store can sum.
/// Thread-safe.
/// </summary>
public sealed partial class AnswerFeedback(ILogger<AnswerFeedback> logger)
{
    public const string Verb = "answer.feedback";
    public const string VerbKey = "verb";
    public const string PassageKey = "passageId";
    public const string UsefulKey = "useful";

    private readonly ConcurrentDictionary<string, FeedbackCount> _counts = new(StringComparer.Ordinal);

    public void Record(string passageId, bool useful)
    {
        _counts.AddOrUpdate(
            passageId,
            _ => useful ? new FeedbackCount(1, 0) : new FeedbackCount(0, 1),
            (_, count) => useful ? count with { Useful = count.Useful + 1 } : count with { NotUseful = count.NotUseful + 1 });
        LogFeedback(logger, passageId, useful);
    }

    public FeedbackCount CountFor(string passageId) =>
        _counts.TryGetValue(passageId, out var count) ? count : new FeedbackCount(0, 0);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Answer feedback for passage {PassageId}: useful={Useful}")]
    private static partial void LogFeedback(ILogger logger, string passageId, bool useful);
}

/// <summary>Clicks on one passage.</summary>
public sealed record FeedbackCount(int Useful, int NotUseful);

using System.Diagnostics.Metrics;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Turn durations as a histogram (<c>dotnet-counters monitor --counters GuidanceBot.BotFramework</c>, or any
/// OpenTelemetry exporter). A log line per turn cost the bot 10–50 µs and several MiB under load (docs/benchmarks.md);
/// a histogram costs next to nothing while nobody listens. Its tags are a known activity type (or "other") and the
/// outcome: nothing a caller chose, no conversation.
/// </summary>
public sealed class TurnMetrics
{
    public const string MeterName = "GuidanceBot.BotFramework";
    public const string DurationInstrument = "guidancebot.turn.duration";

    private readonly Histogram<double> _duration;

    public TurnMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>(
            DurationInstrument, unit: "s", description: "Time from the start of a turn to its replies being ready, re-runs included.");
    }

    /// <summary>Records a finished turn; <paramref name="activityType"/> is already <see cref="ActivityTypes.ForLog"/>'s.</summary>
    public void RecordTurn(string activityType, TimeSpan elapsed, bool failed)
    {
        if (_duration.Enabled)
        {
            _duration.Record(
                elapsed.TotalSeconds,
                new KeyValuePair<string, object?>("activity.type", activityType),
                new KeyValuePair<string, object?>("outcome", failed ? "failed" : "completed"));
        }
    }
}

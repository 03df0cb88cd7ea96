namespace GuidanceBot.BotFramework.Connector;

/// <summary>Timeouts and retry limits for calls to the Bot Connector. Bound from <c>BotFramework:Connector</c>.</summary>
public sealed class ConnectorOptions
{
    /// <summary>Time allowed for one HTTP attempt.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt for 429, 412, 502, 503 and 504 (PROTOCOL.md §2.1); typing indicators are sent once.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff when the service gives no usable Retry-After; doubled per retry, with ±20 % jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest wait for one retry. A Retry-After beyond it (or a delta-seconds too large to parse) is not
    /// honoured: the call fails instead of keeping a turn (and Teams' 15 s turn budget) hanging. An honoured
    /// Retry-After gets a little jitter on top, but never beyond this.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Consecutive failed attempts (5xx, timeout, no connection) after which the circuit opens. Five: a turn's
    /// reply with its retries is four attempts, so one unlucky reply does not open it, a second one does.
    /// </summary>
    public int BreakerFailureThreshold { get; set; } = 5;

    /// <summary>
    /// How long calls fail fast once the circuit is open; then one trial call decides. 30 s: long enough for a
    /// struggling service to recover, short enough that users get replies again soon after it has.
    /// </summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Checks every timeout and retry limit for a value the client can work with; returns the problems, naming settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new SettingProblems("BotFramework:Connector");
        problems.Require(SettingRules.IsUsableDuration(AttemptTimeout), "AttemptTimeout must be positive and at most 24 hours.");
        problems.Require(MaxRetries >= 0, "MaxRetries must not be negative.");
        problems.Require(SettingRules.IsUsableDuration(BaseDelay), "BaseDelay must be positive and at most 24 hours.");
        problems.Require(SettingRules.IsUsableDuration(MaxDelay), "MaxDelay must be positive and at most 24 hours.");
        problems.Require(MaxDelay >= BaseDelay, "MaxDelay must be at least BaseDelay.");
        problems.Require(BreakerFailureThreshold >= 1, "BreakerFailureThreshold must be at least 1.");
        problems.Require(SettingRules.IsUsableDuration(BreakDuration), "BreakDuration must be positive and at most 24 hours.");
        return problems.Found;
    }
}

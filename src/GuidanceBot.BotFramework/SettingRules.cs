namespace GuidanceBot.BotFramework;

/// <summary>
/// What the options classes accept for a duration. A day is far beyond any timeout or delay this bot needs, and
/// well inside what timers and cancellation sources take (about 24.8 days): a value past that would pass start-up
/// and then throw on every request that starts the timer.
/// </summary>
public static class SettingRules
{
    public static readonly TimeSpan LongestDuration = TimeSpan.FromHours(24);

    /// <summary>A timeout, interval or window: more than zero, at most <see cref="LongestDuration"/>.</summary>
    public static bool IsUsableDuration(TimeSpan value) => value > TimeSpan.Zero && value <= LongestDuration;

    /// <summary>A delay where zero means "at once": not negative, at most <see cref="LongestDuration"/>.</summary>
    public static bool IsUsableDelay(TimeSpan value) => value >= TimeSpan.Zero && value <= LongestDuration;
}

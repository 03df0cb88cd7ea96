namespace GuidanceBot.BotFramework.Adapter;

/// <summary>Limits and timings of the HTTP turn pipeline. Bound from <c>BotFramework:Adapter</c>.</summary>
public sealed class AdapterOptions
{
    /// <summary>Largest accepted request body; larger ones get 413 before anything is parsed.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How long a message turn may run before the user sees a typing indicator.</summary>
    public TimeSpan TypingDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the typing indicator is repeated while the turn still runs (Teams shows it for a few seconds).</summary>
    public TimeSpan TypingInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How often a turn is run in all when its state save conflicts with another turn of the same
    /// conversation (another instance, or a double click). After the last conflict the user is asked to try again.
    /// </summary>
    public int MaxTurnAttempts { get; set; } = 3;

    /// <summary>
    /// Upper bound of the random pause before a re-run, times the attempt number: spreads turns that
    /// collided so they do not collide again at once. Zero re-runs at once.
    /// </summary>
    public TimeSpan TurnRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}

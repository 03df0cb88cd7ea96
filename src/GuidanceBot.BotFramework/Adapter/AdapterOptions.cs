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
}

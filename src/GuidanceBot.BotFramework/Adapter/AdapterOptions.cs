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

    /// <summary>
    /// Longest message text the bot works on. Longer messages get the product's "too long" reply and are not
    /// run as a turn, so nothing of them is searched or stored. 4,000 characters is about a page: far more than
    /// a question or an answer to a prompt, and it keeps Lucene queries and tokenizing cheap.
    /// </summary>
    public int MaxTextLength { get; set; } = 4000;

    /// <summary>
    /// Most attachments accepted on one activity; more get 400. Teams sends one or two (a file, a card, the
    /// HTML copy of the message); the bot reads none of them, so ten is generous.
    /// </summary>
    public int MaxAttachments { get; set; } = 10;

    /// <summary>
    /// Longest a turn may run, state save included. The turn does not stop when the caller hangs up, so this
    /// is what bounds it. A turn that runs out of time then gets <see cref="CloudAdapter.ApologyTimeout"/> for its
    /// apology; both together must fit in the host's shutdown timeout, so that in-flight turns finish when it
    /// stops: 20 + 5 s against the default 30 s (Teams itself waits 15 s for a turn's answer).
    /// </summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Checks every limit and timing for a value the pipeline can work with; returns the problems, naming settings.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new SettingProblems("BotFramework:Adapter");
        problems.Require(MaxRequestBodyBytes >= 1, "MaxRequestBodyBytes must be at least 1.");
        problems.Require(MaxTextLength >= 1, "MaxTextLength must be at least 1.");
        problems.Require(MaxAttachments >= 0, "MaxAttachments must not be negative.");
        problems.Require(MaxTurnAttempts >= 1, "MaxTurnAttempts must be at least 1.");
        problems.Require(SettingRules.IsUsableDelay(TypingDelay), "TypingDelay must not be negative and at most 24 hours.");
        problems.Require(SettingRules.IsUsableDuration(TypingInterval), "TypingInterval must be positive and at most 24 hours.");
        problems.Require(SettingRules.IsUsableDelay(TurnRetryDelay), "TurnRetryDelay must not be negative and at most 24 hours.");
        problems.Require(SettingRules.IsUsableDuration(TurnTimeout), "TurnTimeout must be positive and at most 24 hours.");
        return problems.Found;
    }
}

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Inbound rate limits for <c>/api/messages</c>. Bound from <c>BotFramework:RateLimits</c>.
/// <para>
/// Per conversation: 30 turns a minute. A professional types a few messages a minute and a card click is one
/// turn; 30 is several times a fast human, also in a group chat. Each turn sends one or two activities, so
/// 30 turns stay well inside Teams' own per-conversation budget of 60 sends per 30 s (PROTOCOL.md §2.1) and a
/// flooded conversation cannot get the bot throttled by Teams for everyone in it.
/// </para>
/// <para>
/// Global: 1,000 requests a second per instance. Expected use is a few hundred professionals, i.e. a few
/// requests a second; this only guards the process (search, storage) against a flood, and sits far above
/// anything Teams itself forwards (its outbound limit per app per tenant is 30–50 RPS).
/// </para>
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Turns (messages and invokes) one conversation may start per <see cref="ConversationWindow"/>.</summary>
    public int ConversationPermits { get; set; } = 30;

    /// <summary>The fixed window of <see cref="ConversationPermits"/>.</summary>
    public TimeSpan ConversationWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Requests the instance accepts per <see cref="GlobalWindow"/>, all conversations together.</summary>
    public int GlobalPermits { get; set; } = 1000;

    /// <summary>The fixed window of <see cref="GlobalPermits"/>.</summary>
    public TimeSpan GlobalWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>True when every limit is positive.</summary>
    public bool IsValid =>
        ConversationPermits > 0 && ConversationWindow > TimeSpan.Zero && GlobalPermits > 0 && GlobalWindow > TimeSpan.Zero;
}

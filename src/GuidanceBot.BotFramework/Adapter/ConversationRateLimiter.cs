using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>What <see cref="ConversationRateLimiter"/> decided for one turn.</summary>
public enum ConversationLimit
{
    /// <summary>Within the limit: run the turn.</summary>
    Allowed,

    /// <summary>Over the limit, and the first refusal in this window: tell the user once.</summary>
    LimitedNotify,

    /// <summary>Over the limit and already told: drop the turn quietly.</summary>
    LimitedDrop,
}

/// <summary>The decision for one turn, and for a refusal how long until the window ends (for <c>Retry-After</c>).</summary>
public readonly record struct ConversationLimitResult(ConversationLimit Limit, TimeSpan? RetryAfter);

/// <summary>
/// The per-conversation turn limit (<see cref="RateLimitOptions"/>), on the primitives of ASP.NET Core rate
/// limiting. It runs inside the adapter and not as endpoint middleware because the conversation id is in the
/// body, and only after authentication, so that forged requests cannot use up a real conversation's budget.
/// Partitions are keyed by the conversation's <see cref="LogIds.Hash"/>, never by the raw id, which must not
/// become a key that could be logged; the adapter hashes the id once per request for the logs and for this.
/// <para>
/// Windows are aligned to the clock (whole minutes for a one-minute window), and the window's number is part
/// of the partition key: a refusal can then say exactly how long until the next window (a fixed-window
/// limiter only tells its whole window length), and every conversation gets a fresh partition, and budget,
/// when the window turns. Partitions of past windows go idle and the limiter removes them.
/// </para>
/// Thread-safe; the container owns disposal.
/// </summary>
public sealed class ConversationRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _turns;
    private readonly PartitionedRateLimiter<string> _notices;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;

    public ConversationRateLimiter(IOptions<RateLimitOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value;
        _window = limits.ConversationWindow;
        _time = time;
        _turns = Create(limits.ConversationPermits, limits.ConversationWindow);

        // One notice per window: a second limiter with a single permit per window and conversation.
        _notices = Create(1, limits.ConversationWindow);
    }

    /// <summary>Takes one turn from the budget of the conversation with this <see cref="LogIds.Hash"/>.</summary>
    public ConversationLimitResult Acquire(string conversationHash)
    {
        var now = _time.GetUtcNow().UtcTicks;
        var windowNumber = now / _window.Ticks;
        var key = string.Create(CultureInfo.InvariantCulture, $"{conversationHash}/{windowNumber}");
        using var lease = _turns.AttemptAcquire(key);
        if (lease.IsAcquired)
        {
            return new(ConversationLimit.Allowed, null);
        }

        var untilNextWindow = TimeSpan.FromTicks(((windowNumber + 1) * _window.Ticks) - now);
        using var notice = _notices.AttemptAcquire(key);
        return new(notice.IsAcquired ? ConversationLimit.LimitedNotify : ConversationLimit.LimitedDrop, untilNextWindow);
    }

    public void Dispose()
    {
        _turns.Dispose();
        _notices.Dispose();
    }

    private static PartitionedRateLimiter<string> Create(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ =>
            new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
}

using GuidanceBot.BotFramework.Adapter;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

public sealed class ConversationRateLimiterTests
{
    // 12:00:00 starts a 20-second window (windows are aligned to the clock); the test starts 15 s into it.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 12, 0, 15, TimeSpan.Zero));

    [Fact]
    public void Acquire_OverTheLimit_RetryAfterIsTheTimeLeftInTheWindow()
    {
        using var limiter = NewLimiter(permits: 1, window: TimeSpan.FromSeconds(20));

        var first = limiter.Acquire("conversation-hash");
        var second = limiter.Acquire("conversation-hash");
        var third = limiter.Acquire("conversation-hash");

        Assert.Equal(ConversationLimit.Allowed, first.Limit);
        Assert.Equal(ConversationLimit.LimitedNotify, second.Limit);
        Assert.Equal(TimeSpan.FromSeconds(5), second.RetryAfter);
        Assert.Equal(ConversationLimit.LimitedDrop, third.Limit);
    }

    [Fact]
    public void Acquire_AfterTheRetryAfter_IsAllowedAndNoticesAgainWhenOver()
    {
        using var limiter = NewLimiter(permits: 1, window: TimeSpan.FromSeconds(20));
        limiter.Acquire("conversation-hash");
        var refused = limiter.Acquire("conversation-hash");

        _time.Advance(refused.RetryAfter!.Value);
        var next = limiter.Acquire("conversation-hash");
        var overAgain = limiter.Acquire("conversation-hash");

        Assert.Equal(ConversationLimit.Allowed, next.Limit);
        Assert.Equal(ConversationLimit.LimitedNotify, overAgain.Limit);
        Assert.Equal(TimeSpan.FromSeconds(20), overAgain.RetryAfter);
    }

    [Fact]
    public void Acquire_OtherConversation_HasItsOwnBudget()
    {
        using var limiter = NewLimiter(permits: 1, window: TimeSpan.FromSeconds(20));
        limiter.Acquire("conversation-a");

        Assert.Equal(ConversationLimit.Allowed, limiter.Acquire("conversation-b").Limit);
        Assert.NotEqual(ConversationLimit.Allowed, limiter.Acquire("conversation-a").Limit);
    }

    private ConversationRateLimiter NewLimiter(int permits, TimeSpan window) =>
        new(Options.Create(new RateLimitOptions { ConversationPermits = permits, ConversationWindow = window }), _time);
}

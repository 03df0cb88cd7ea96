using GuidanceBot.BotFramework.Connector;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Connector;

public sealed class CircuitBreakerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void OnFailure_BelowThreshold_StaysClosed()
    {
        var breaker = new CircuitBreaker(3, TimeSpan.FromSeconds(30), _time);

        breaker.OnFailure();
        breaker.OnFailure();

        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void OnFailure_SuccessInBetween_ResetsTheCount()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(30), _time);

        breaker.OnFailure();
        breaker.OnSuccess();
        breaker.OnFailure();

        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void TryEnter_AtThreshold_FailsFastUntilTheBreakEnds()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure();

        var opened = breaker.OnFailure();
        var duringBreak = breaker.TryEnter();
        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = breaker.TryEnter();
        var besideTrial = breaker.TryEnter();

        Assert.True(opened);
        Assert.False(duringBreak);
        Assert.True(trial);
        Assert.False(besideTrial);
    }

    [Fact]
    public void OnFailure_TrialFails_OpensForAnotherBreak()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure();
        _time.Advance(TimeSpan.FromSeconds(30));
        breaker.TryEnter();

        var reopened = breaker.OnFailure();
        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.True(reopened);
        Assert.False(breaker.TryEnter());
        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public void OnSuccess_TrialSucceeds_Closes()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure();
        _time.Advance(TimeSpan.FromSeconds(30));
        breaker.TryEnter();

        breaker.OnSuccess();

        Assert.False(breaker.IsOpen);
        Assert.True(breaker.TryEnter());
        Assert.True(breaker.TryEnter());
    }

    [Fact]
    public void OnNeutral_TrialThrottled_LetsTheNextTrialThrough()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure();
        _time.Advance(TimeSpan.FromSeconds(30));
        breaker.TryEnter();

        breaker.OnNeutral();

        Assert.True(breaker.TryEnter());
    }
}

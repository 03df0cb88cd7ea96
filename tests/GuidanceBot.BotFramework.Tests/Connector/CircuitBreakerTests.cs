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

        breaker.OnFailure(Enter(breaker));
        breaker.OnFailure(Enter(breaker));

        Assert.NotNull(breaker.TryEnter());
    }

    [Fact]
    public void OnFailure_SuccessInBetween_ResetsTheCount()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(30), _time);

        breaker.OnFailure(Enter(breaker));
        breaker.OnSuccess(Enter(breaker));
        breaker.OnFailure(Enter(breaker));

        Assert.NotNull(breaker.TryEnter());
    }

    [Fact]
    public void TryEnter_AtThreshold_FailsFastUntilTheBreakEnds()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure(Enter(breaker));

        var opened = breaker.OnFailure(Enter(breaker));
        var duringBreak = breaker.TryEnter();
        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = breaker.TryEnter();
        var besideTrial = breaker.TryEnter();

        Assert.True(opened);
        Assert.Null(duringBreak);
        Assert.NotNull(trial);
        Assert.Null(besideTrial);
    }

    [Fact]
    public void OnFailure_TrialFails_OpensForAnotherBreak()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure(Enter(breaker));
        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = Enter(breaker);

        var reopened = breaker.OnFailure(trial);
        _time.Advance(TimeSpan.FromSeconds(29));

        Assert.True(reopened);
        Assert.Null(breaker.TryEnter());
        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public void OnSuccess_TrialSucceeds_Closes()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure(Enter(breaker));
        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = Enter(breaker);

        breaker.OnSuccess(trial);

        Assert.False(breaker.IsOpen);
        Assert.NotNull(breaker.TryEnter());
        Assert.NotNull(breaker.TryEnter());
    }

    [Fact]
    public void OnNeutral_TrialThrottled_LetsTheNextTrialThrough()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        breaker.OnFailure(Enter(breaker));
        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = Enter(breaker);

        breaker.OnNeutral(trial);

        Assert.NotNull(breaker.TryEnter());
    }

    [Fact]
    public void OnNeutral_CallFromBeforeTheBreakEndsDuringTheTrial_LetsNoSecondTrialIn()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        var slow = Enter(breaker);
        breaker.OnFailure(Enter(breaker));
        _time.Advance(TimeSpan.FromSeconds(30));
        Enter(breaker);

        breaker.OnNeutral(slow);

        Assert.Null(breaker.TryEnter());
        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public void OnFailure_CallFromBeforeTheBreakFailsDuringTheTrial_LeavesTheDecisionToTheTrial()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        var slow = Enter(breaker);
        breaker.OnFailure(Enter(breaker));
        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = Enter(breaker);

        var reopened = breaker.OnFailure(slow);
        var besideTrial = breaker.TryEnter();
        breaker.OnSuccess(trial);

        Assert.False(reopened);
        Assert.Null(besideTrial);
        Assert.False(breaker.IsOpen);
    }

    [Fact]
    public void OnSuccess_CallFromBeforeTheBreakSucceedsDuringTheTrial_LeavesTheDecisionToTheTrial()
    {
        var breaker = new CircuitBreaker(2, TimeSpan.FromSeconds(30), _time);
        var slow = Enter(breaker);
        breaker.OnFailure(Enter(breaker));
        breaker.OnFailure(Enter(breaker));
        _time.Advance(TimeSpan.FromSeconds(30));
        var trial = Enter(breaker);

        breaker.OnSuccess(slow);
        var besideTrial = breaker.TryEnter();
        var reopened = breaker.OnFailure(trial);

        Assert.Null(besideTrial);
        Assert.True(reopened);
        Assert.True(breaker.IsOpen);
    }

    [Fact]
    public void OnFailure_CallsFromBeforeTheCircuitOpened_DoNotExtendTheBreak()
    {
        var breaker = new CircuitBreaker(1, TimeSpan.FromSeconds(30), _time);
        var slow = Enter(breaker);
        breaker.OnFailure(Enter(breaker));
        _time.Advance(TimeSpan.FromSeconds(20));

        var reopened = breaker.OnFailure(slow);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.False(reopened);
        Assert.NotNull(breaker.TryEnter());
    }

    private static CircuitLease Enter(CircuitBreaker breaker) =>
        breaker.TryEnter() ?? throw new InvalidOperationException("The breaker let no call in.");
}

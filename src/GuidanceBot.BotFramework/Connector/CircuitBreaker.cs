namespace GuidanceBot.BotFramework.Connector;

/// <summary>
/// A small circuit breaker over <see cref="TimeProvider"/>: after <c>threshold</c> consecutive failures it
/// opens, and calls fail fast for the break duration; then one trial call is let through (half-open), whose
/// outcome closes or re-opens it. Failing fast keeps turns from piling up on a service that is down — no
/// thread or request waits for timeouts that are sure to come. Thread-safe.
/// <para>
/// Our own rather than Microsoft.Extensions.Http.Resilience: the connector already has its own retry loop
/// (Retry-After, jitter, bounded by the turn budget) that the tests drive through a test clock; a pipeline
/// handler underneath would retry a second time and count attempts differently.
/// </para>
/// </summary>
public sealed class CircuitBreaker
{
    private readonly int _threshold;
    private readonly TimeSpan _breakDuration;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private int _consecutiveFailures;
    private DateTimeOffset? _openUntil;
    private bool _trialInFlight;

    public CircuitBreaker(int threshold, TimeSpan breakDuration, TimeProvider time)
    {
        _threshold = threshold;
        _breakDuration = breakDuration;
        _time = time;
    }

    /// <summary>True while calls fail fast (open, or half-open with the trial call still running).</summary>
    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _openUntil is { } until && (_time.GetUtcNow() < until || _trialInFlight);
            }
        }
    }

    /// <summary>May a call go out now? In the half-open state only the first caller gets true.</summary>
    public bool TryEnter()
    {
        lock (_gate)
        {
            if (_openUntil is not { } until)
            {
                return true;
            }

            if (_time.GetUtcNow() < until || _trialInFlight)
            {
                return false;
            }

            _trialInFlight = true;
            return true;
        }
    }

    /// <summary>The call reached a healthy service: the circuit closes.</summary>
    public void OnSuccess()
    {
        lock (_gate)
        {
            _consecutiveFailures = 0;
            _openUntil = null;
            _trialInFlight = false;
        }
    }

    /// <summary>The call failed in a way that says the service is unhealthy. Returns true when this opened the circuit.</summary>
    public bool OnFailure()
    {
        lock (_gate)
        {
            var wasTrial = _trialInFlight;
            _trialInFlight = false;
            _consecutiveFailures++;
            if (wasTrial || (_openUntil is null && _consecutiveFailures >= _threshold))
            {
                _openUntil = _time.GetUtcNow() + _breakDuration;
                return true;
            }

            return false;
        }
    }

    /// <summary>The call ended without saying anything about the service's health (cancelled, 4xx): a trial may run again.</summary>
    public void OnNeutral()
    {
        lock (_gate)
        {
            _trialInFlight = false;
        }
    }
}

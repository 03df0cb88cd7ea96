namespace GuidanceBot.BotFramework.Connector;

/// <summary>
/// A small circuit breaker over <see cref="TimeProvider"/>: after <c>threshold</c> consecutive failures it
/// opens, and calls fail fast for the break duration; then one trial call is let through (half-open), whose
/// outcome closes or re-opens it. Failing fast keeps turns from piling up on a service that is down — no
/// thread or request waits for timeouts that are sure to come. Thread-safe.
/// <para>
/// Every admitted call reports its outcome with the <see cref="CircuitLease"/> it was admitted with. Outcomes
/// of calls let in before the circuit last changed state are ignored: a slow call that started before the
/// circuit opened says nothing about the service now, and must not end the trial — neither by letting a second
/// trial in beside it nor by re-opening the circuit while the trial may yet succeed.
/// </para>
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
    private long _generation;

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

    /// <summary>
    /// May a call go out now? Null when not (fail fast); in the half-open state only the first caller gets a
    /// lease, the trial's. The caller reports the call's outcome with the lease, exactly once.
    /// </summary>
    public CircuitLease? TryEnter()
    {
        lock (_gate)
        {
            if (_openUntil is not { } until)
            {
                return new CircuitLease(_generation);
            }

            if (_time.GetUtcNow() < until || _trialInFlight)
            {
                return null;
            }

            _trialInFlight = true;
            _generation++;
            return new CircuitLease(_generation);
        }
    }

    /// <summary>The call reached a healthy service: the failure count resets, and a successful trial closes the circuit.</summary>
    public void OnSuccess(CircuitLease lease)
    {
        lock (_gate)
        {
            if (!IsCurrent(lease))
            {
                return;
            }

            _consecutiveFailures = 0;
            if (_openUntil is not null)
            {
                _openUntil = null;
                _trialInFlight = false;
                _generation++;
            }
        }
    }

    /// <summary>The call failed in a way that says the service is unhealthy. Returns true when this opened the circuit.</summary>
    public bool OnFailure(CircuitLease lease)
    {
        lock (_gate)
        {
            if (!IsCurrent(lease))
            {
                return false;
            }

            _consecutiveFailures++;
            // A current lease while the circuit is not closed can only be the trial's (TryEnter hands out no other).
            if (_openUntil is not null || _consecutiveFailures >= _threshold)
            {
                _openUntil = _time.GetUtcNow() + _breakDuration;
                _trialInFlight = false;
                _generation++;
                return true;
            }

            return false;
        }
    }

    /// <summary>The call ended without saying anything about the service's health (cancelled, 4xx): if it was the trial, a trial may run again.</summary>
    public void OnNeutral(CircuitLease lease)
    {
        lock (_gate)
        {
            if (IsCurrent(lease) && _trialInFlight)
            {
                _trialInFlight = false;
                _generation++;
            }
        }
    }

    private bool IsCurrent(CircuitLease lease) => lease.Generation == _generation;
}

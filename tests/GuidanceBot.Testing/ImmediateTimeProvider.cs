using System.Collections.Concurrent;

namespace GuidanceBot.Testing;

/// <summary>
/// A TimeProvider whose short timers fire at once (so a retry delay costs no wall-clock time) and whose
/// long timers never fire (so timeouts set far beyond <see cref="Horizon"/> stay quiet). Every requested
/// short delay is recorded, so a test can assert that, e.g., a Retry-After was honoured. With
/// <paramref name="utcNow"/> the clock stands still at that moment (for waits computed from a date).
/// </summary>
public sealed class ImmediateTimeProvider(TimeSpan horizon, DateTimeOffset? utcNow = null) : TimeProvider
{
    public TimeSpan Horizon { get; } = horizon;

    public override DateTimeOffset GetUtcNow() => utcNow ?? base.GetUtcNow();

    public ConcurrentQueue<TimeSpan> FiredDelays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime < Horizon)
        {
            FiredDelays.Enqueue(dueTime);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

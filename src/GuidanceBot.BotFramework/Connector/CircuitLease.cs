namespace GuidanceBot.BotFramework.Connector;

/// <summary>
/// One call's admission by <see cref="CircuitBreaker.TryEnter"/>. The call reports its outcome with it, so the
/// breaker can tell the half-open trial apart from calls it let in before the circuit last changed state.
/// </summary>
/// <param name="Generation">The breaker's state at admission; it moves on whenever the circuit opens, starts a trial or closes.</param>
public readonly record struct CircuitLease(long Generation);

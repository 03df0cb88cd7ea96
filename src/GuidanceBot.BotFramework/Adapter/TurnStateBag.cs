namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Per-turn values keyed by their type, so that a component can hand typed data (such as loaded
/// state) to the next one without an untyped string-keyed bag.
/// </summary>
public sealed class TurnStateBag
{
    private readonly Dictionary<Type, object> _values = [];

    public T? Get<T>()
        where T : class =>
        _values.TryGetValue(typeof(T), out var value) ? (T)value : null;

    public void Set<T>(T value)
        where T : class =>
        _values[typeof(T)] = value;

    public bool Remove<T>()
        where T : class =>
        _values.Remove(typeof(T));
}

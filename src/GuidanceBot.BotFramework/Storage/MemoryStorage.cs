namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// An in-process <see cref="IStorage"/> for tests and single-instance runs without a disk
/// (<c>Storage:Provider = Memory</c>). Enforces ETags and expiry exactly as the SQLite store does.
/// </summary>
public sealed class MemoryStorage : IStorage
{
    private readonly Dictionary<string, StorageItem> _items = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;

    public MemoryStorage(TimeProvider time)
    {
        _time = time;
    }

    /// <summary>The number of items held, expired ones included until they are read or overwritten.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>The keys held now, expired ones included until they are read or overwritten.</summary>
    public IReadOnlyList<string> Keys
    {
        get
        {
            lock (_lock)
            {
                return [.. _items.Keys];
            }
        }
    }

    public Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_lock)
        {
            return Task.FromResult(Live(key));
        }
    }

    public Task<string> WriteAsync(
        string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        lock (_lock)
        {
            var current = Live(key);
            if (eTag is null ? current is not null : current?.ETag != eTag)
            {
                throw StorageConflictException.For(eTag);
            }

            var item = new StorageItem(key, value, ETags.New(), _time.GetUtcNow() + timeToLive);
            _items[key] = item;
            return Task.FromResult(item.ETag);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        lock (_lock)
        {
            _items.Remove(key);
        }

        return Task.CompletedTask;
    }

    public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        lock (_lock)
        {
            // Not Live(): the caller's own version may expire meanwhile, and removing it is what the caller wants.
            if (!_items.TryGetValue(key, out var current) || current.ETag != eTag)
            {
                throw StorageConflictException.For(eTag);
            }

            _items.Remove(key);
        }

        return Task.CompletedTask;
    }

    private StorageItem? Live(string key)
    {
        if (!_items.TryGetValue(key, out var item))
        {
            return null;
        }

        if (item.ExpiresAt <= _time.GetUtcNow())
        {
            _items.Remove(key);
            return null;
        }

        return item;
    }
}

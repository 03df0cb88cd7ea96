using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Storage;

namespace GuidanceBot.BotFramework.State;

/// <summary>
/// A typed state document kept in <see cref="IStorage"/> under a key derived from the turn (the Bot
/// Framework's <c>BotState</c>, without the untyped property bag). Load once at the start of a turn,
/// change the document, save at the end: the save writes with the ETag that was read, so a concurrent
/// change is detected (<see cref="StorageConflictException"/>) and never silently overwritten.
/// A document that <see cref="IBotStateDocument.IsEmpty"/> is deleted instead of written.
/// Instances are stateless singletons; the loaded document is cached in the turn's <see cref="TurnStateBag"/>.
/// </summary>
/// <typeparam name="TState">The document type, serialized with a source-generated <see cref="JsonTypeInfo{T}"/>.</typeparam>
public abstract class BotState<TState>
    where TState : class, IBotStateDocument, new()
{
    private readonly IStorage _storage;
    private readonly JsonTypeInfo<TState> _typeInfo;
    private readonly TimeSpan _idleTimeout;

    protected BotState(IStorage storage, JsonTypeInfo<TState> typeInfo, TimeSpan idleTimeout)
    {
        _storage = storage;
        _typeInfo = typeInfo;
        _idleTimeout = idleTimeout;
    }

    /// <summary>Loads the document for this turn (from the turn cache after the first call).</summary>
    public async Task<TState> LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var entry = await LoadEntryAsync(turnContext, cancellationToken).ConfigureAwait(false);
        return entry.Document;
    }

    /// <summary>What the load of this turn found; <see cref="StateLoadStatus.New"/> before any load.</summary>
    public StateLoadStatus GetLoadStatus(ITurnContext turnContext)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var cache = Cache(turnContext);
        return cache.Keys.TryGetValue(this, out var key) && cache.Entries.TryGetValue(key, out var entry) ? entry.Status : StateLoadStatus.New;
    }

    /// <summary>Replaces this turn's document with a new, empty one; the next save deletes the stored item.</summary>
    public async Task<TState> ClearAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var entry = await LoadEntryAsync(turnContext, cancellationToken).ConfigureAwait(false);
        entry.Document = NewDocument();
        return entry.Document;
    }

    /// <summary>
    /// Writes this turn's document if it changed, with the ETag that was read; deletes it when empty
    /// (again only if it still has that ETag).
    /// </summary>
    /// <exception cref="StorageConflictException">Someone else wrote the item during this turn.</exception>
    public async Task SaveChangesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        // Nothing loaded, nothing to save. Checked before the key is derived: a turn may lack what the key is
        // made of (a user document for an activity without sender), and then it never loaded this state either.
        var cache = Cache(turnContext);
        if (!cache.Keys.TryGetValue(this, out var key) || !cache.Entries.TryGetValue(key, out var entry))
        {
            return;
        }

        if (entry.Document.IsEmpty())
        {
            if (entry.ETag is not null)
            {
                // Conditional, like a write: another instance's newer document must not be deleted unseen.
                await _storage.DeleteAsync(key, entry.ETag, cancellationToken).ConfigureAwait(false);
                entry.ETag = null;
            }

            entry.StoredJson = null;
            return;
        }

        var json = JsonSerializer.Serialize(entry.Document, _typeInfo);
        if (entry.ETag is not null && json == entry.StoredJson)
        {
            return;
        }

        entry.ETag = await _storage.WriteAsync(key, json, entry.ETag, _idleTimeout, cancellationToken).ConfigureAwait(false);
        entry.StoredJson = json;
    }

    /// <summary>Deletes the stored item now and starts this turn over with a new document.</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = StorageKey(turnContext);
        await _storage.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
        Cache(turnContext).Entries[key] = new Entry(NewDocument(), null, null, StateLoadStatus.New);
    }

    /// <summary>The storage key for this turn's document.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    /// <summary>
    /// A storage key from ids: <c>{prefix}/{sha256}</c>. Hashing keeps Teams ids out of the store (and
    /// out of blob names later) and gives keys of one safe alphabet.
    /// </summary>
    protected static string HashedKey(string prefix, string? channelId, string id)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{channelId}/{id}"));
        return $"{prefix}/{Convert.ToHexStringLower(digest)}";
    }

    private static TState NewDocument() => new() { SchemaVersion = TState.CurrentSchemaVersion };

    private static TurnCache Cache(ITurnContext turnContext)
    {
        var cache = turnContext.TurnState.Get<TurnCache>();
        if (cache is null)
        {
            cache = new TurnCache();
            turnContext.TurnState.Set(cache);
        }

        return cache;
    }

    /// <summary>This state's key for the turn, derived (hashed) once per turn: a load, a status check and a save ask for it.</summary>
    private string StorageKey(ITurnContext turnContext)
    {
        var keys = Cache(turnContext).Keys;
        if (!keys.TryGetValue(this, out var key))
        {
            keys[this] = key = GetStorageKey(turnContext);
        }

        return key;
    }

    private async Task<Entry> LoadEntryAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var key = StorageKey(turnContext);
        var cache = Cache(turnContext).Entries;
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var item = await _storage.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        var entry = item is null
            ? new Entry(NewDocument(), null, null, StateLoadStatus.New)
            : Parse(item);
        cache[key] = entry;
        return entry;
    }

    private Entry Parse(StorageItem item)
    {
        TState? document;
        try
        {
            document = JsonSerializer.Deserialize(item.Value, _typeInfo);
        }
        catch (JsonException)
        {
            document = null;
        }

        // Keep the ETag either way: the next save replaces (or deletes) the unreadable item on purpose.
        return document is not null && document.SchemaVersion == TState.CurrentSchemaVersion
            ? new Entry(document, item.ETag, item.Value, StateLoadStatus.Loaded)
            : new Entry(NewDocument(), item.ETag, item.Value, StateLoadStatus.Incompatible);
    }

    private sealed class Entry(TState document, string? eTag, string? storedJson, StateLoadStatus status)
    {
        public TState Document { get; set; } = document;

        public string? ETag { get; set; } = eTag;

        public string? StoredJson { get; set; } = storedJson;

        public StateLoadStatus Status { get; } = status;
    }

    /// <summary>Per-turn cache, one per document type: documents by storage key (conversation and user keys differ), and each state's key.</summary>
    private sealed class TurnCache
    {
        public Dictionary<string, Entry> Entries { get; } = new(StringComparer.Ordinal);

        public Dictionary<BotState<TState>, string> Keys { get; } = new(ReferenceEqualityComparer.Instance);
    }
}

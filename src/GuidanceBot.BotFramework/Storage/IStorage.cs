namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// A key-value store for bot state with optimistic concurrency and idle expiry (the Bot Framework's
/// <c>IStorage</c>, narrowed to one typed item per call). Every provider behaves the same way, which
/// the shared contract tests check:
/// <list type="bullet">
/// <item>A write with an ETag succeeds only if the stored item still has that ETag.</item>
/// <item>A write without an ETag is create-only: it fails if a live item exists, so two first writes cannot both win.</item>
/// <item>An item past its expiry is absent: reads return null (and remove it), create-only writes succeed.</item>
/// </list>
/// A failed precondition throws <see cref="StorageConflictException"/>; a store that cannot be reached throws
/// <see cref="StorageUnavailableException"/>, and has written nothing, with one exception: a write that reached the
/// store but whose answer, and every retry's, was lost may have landed (its outcome is unknown to the caller; see
/// <c>LostWriteAnswerTests</c> for what the user sees then). Implementations are thread-safe.
/// </summary>
public interface IStorage
{
    /// <summary>The live item under <paramref name="key"/>, or null when there is none or it has expired.</summary>
    Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <paramref name="value"/> under <paramref name="key"/> and returns the new ETag.
    /// <paramref name="eTag"/> is the ETag the caller read, or null to create a new item.
    /// The item expires when it has not been written for <paramref name="timeToLive"/>.
    /// </summary>
    /// <exception cref="StorageConflictException">The item changed (or appeared) since it was read.</exception>
    Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken);

    /// <summary>Removes the item if it exists; deleting a missing item is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the item only if it still has <paramref name="eTag"/>: the delete of a document the caller read,
    /// which must not remove what another instance wrote since. An item that is gone since it was read (another
    /// turn deleted it, or it expired and was cleaned up) is a conflict too. Why: the caller acted on a read that
    /// is no longer current — two clicks on a flow's last button both read the flow and would both finish it.
    /// </summary>
    /// <exception cref="StorageConflictException">The item was rewritten or removed since it was read.</exception>
    Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken);
}

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// A write lost the optimistic-concurrency race: the item changed, was deleted or was created by
/// someone else since the caller read it. Never swallowed: the turn must be re-run or fail.
/// </summary>
public sealed class StorageConflictException : Exception
{
    public StorageConflictException()
    {
    }

    public StorageConflictException(string message)
        : base(message)
    {
    }

    public StorageConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The conflict for a write with <paramref name="eTag"/>; never names the key (it may identify a conversation).</summary>
    public static StorageConflictException For(string? eTag) =>
        new(eTag is null
            ? "Create-only write failed: the item already exists."
            : "Write failed: the item's ETag no longer matches.");
}

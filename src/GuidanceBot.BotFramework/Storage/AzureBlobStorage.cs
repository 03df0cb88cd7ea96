using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// The scale-out <see cref="IStorage"/>: one blob per state key in an Azure Blob Storage container that
/// every bot instance shares (<c>Storage:Provider = AzureBlob</c>; tested against Azurite).
/// <list type="bullet">
/// <item>Concurrency is the service's own: a write with an ETag is a Put Blob with <c>If-Match</c>, a
/// create-only write one with <c>If-None-Match: *</c>; 409/412 become <see cref="StorageConflictException"/>.</item>
/// <item>The idle expiry is kept in blob metadata (<see cref="ExpiresAtMetadata"/>, Unix milliseconds of the
/// injected clock). An expired blob is absent: a read deletes it (only that version), a create-only write
/// takes it over (again only that version). An Azure lifecycle rule on <see cref="StatePrefix"/> removes
/// blobs nobody reads again (docs/deployment.md).</item>
/// <item>The ETag handed out is <c>{expiresAtMs}|{blob ETag}</c>. A blob version's expiry never changes (a
/// metadata change is a new version with a new ETag), so a write with the ETag of an expired version is
/// refused without an extra round trip.</item>
/// <item>Network failures, timeouts, throttling and server errors (after the client's own short retries)
/// become <see cref="StorageUnavailableException"/>. A write whose answer was lost and whose retry was then
/// refused by its own first attempt is recognised by the write id in its metadata (<see cref="WriteIdMetadata"/>)
/// and succeeds.</item>
/// </list>
/// The container is created on the first write that finds it missing.
/// </summary>
public sealed class AzureBlobStorage : IStorage, IReadinessProbe
{
    /// <summary>Every state blob's name starts with this, so a lifecycle rule can match state and nothing else.</summary>
    public const string StatePrefix = "state/";

    /// <summary>The blob metadata entry holding the expiry time (Unix milliseconds).</summary>
    public const string ExpiresAtMetadata = "expiresat";

    /// <summary>The blob metadata entry holding a random id of the write that made this version (see <see cref="UploadAsync"/>).</summary>
    public const string WriteIdMetadata = "writeid";

    private const char TokenSeparator = '|';

    private static readonly SearchValues<char> PlainWordChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private readonly BlobContainerClient _container;
    private readonly TimeProvider _time;

    /// <summary>Keeps state in <paramref name="container"/>; expiry is judged by <paramref name="time"/>.</summary>
    public AzureBlobStorage(BlobContainerClient container, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(container);
        _container = container;
        _time = time;
    }

    /// <summary>
    /// The blob name for a state key: <c>state/{kind}/{sha256 of the key}</c>, where kind is the key's first
    /// segment (<c>conversation</c>, <c>user</c>) when it is a short lower-case word. Hashing gives names of
    /// one safe alphabet and fixed length whatever the key holds, and keeps ids out of blob listings.
    /// </summary>
    public static string BlobName(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var kind = slash > 0 && IsPlainWord(key.AsSpan(0, slash)) ? key[..slash] : "item";
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return $"{StatePrefix}{kind}/{Convert.ToHexStringLower(digest)}";
    }

    public async Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(BlobName(key));
        BlobDownloadResult result;
        try
        {
            result = (await Guard(() => blob.DownloadContentAsync(cancellationToken), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }

        var expiresAt = ReadExpiry(result.Details.Metadata);
        if (expiresAt <= _time.GetUtcNow())
        {
            // Expired state is absent whether or not it can be removed now (a newer write by someone else stays). When
            // the delete fails, the read still answers "absent"; a later read or the lifecycle rule (docs/deployment.md) removes it.
            try
            {
                await DeleteVersionAsync(blob, result.Details.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (StorageUnavailableException)
            {
            }

            return null;
        }

        return new StorageItem(key, result.Content.ToString(), Token(expiresAt, result.Details.ETag), expiresAt);
    }

    public async Task<string> WriteAsync(
        string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        var blob = _container.GetBlobClient(BlobName(key));
        var now = _time.GetUtcNow();
        var expiresAt = now + timeToLive;
        if (eTag is null)
        {
            return await CreateAsync(blob, value, expiresAt, now, cancellationToken).ConfigureAwait(false);
        }

        if (!TryParseToken(eTag, out var readExpiresAt, out var blobETag) || readExpiresAt <= now)
        {
            throw StorageConflictException.For(eTag);
        }

        try
        {
            return await UploadAsync(blob, value, expiresAt, new BlobRequestConditions { IfMatch = blobETag }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // 412: rewritten since it was read; 404: deleted since (or the container is gone).
            throw new StorageConflictException("Write failed: the item's ETag no longer matches.", ex);
        }
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var blob = _container.GetBlobClient(BlobName(key));
        try
        {
            await Guard(() => blob.DeleteIfExistsAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // The container itself is missing: nothing to delete.
        }
    }

    /// <remarks>
    /// Two steps, because a conditional Delete cannot tell its own lost answer from a conflict: when the first
    /// attempt lands and its answer is lost, the client's retry finds the blob gone, which IStorage calls a conflict,
    /// and the turn would re-run without the state it has just finished. So the read version is first replaced by
    /// an expired, empty one (a Put with <c>If-Match</c>, whose lost answer <see cref="UploadAsync"/> recognises),
    /// and that version is then deleted. From the first step on the item is absent for every reader and its
    /// content is gone; if the second step fails, a later read or the lifecycle rule removes the empty blob.
    /// </remarks>
    public async Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        var blob = _container.GetBlobClient(BlobName(key));
        if (!TryParseToken(eTag, out _, out var blobETag))
        {
            throw StorageConflictException.For(eTag);
        }

        string tombstone;
        try
        {
            tombstone = await UploadAsync(blob, string.Empty, DateTimeOffset.UnixEpoch, new BlobRequestConditions { IfMatch = blobETag }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Rewritten (412) or removed since the caller read it (not found, or no container): a conflict (IStorage).
            throw new StorageConflictException("Delete failed: the item changed or is gone since it was read.", ex);
        }

        try
        {
            if (TryParseToken(tombstone, out _, out var tombstoneETag))
            {
                await DeleteVersionAsync(blob, tombstoneETag, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StorageUnavailableException)
        {
            // The delete has happened for every reader already; only the empty blob is left behind.
        }
    }

    /// <summary>Checks that the account answers (a read of a blob that need not exist); for readiness probes.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Guard(() => _container.GetBlobClient(StatePrefix + "readiness-probe").ExistsAsync(cancellationToken), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No container yet: the account answered, and the first write creates it.
        }
    }

    private async Task<string> CreateAsync(
        BlobClient blob, string value, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var createOnly = new BlobRequestConditions { IfNoneMatch = ETag.All };
        try
        {
            return await UploadCreatingContainerAsync(blob, value, expiresAt, createOnly, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The blob exists. Only an expired one may be taken over, and only the version just looked at.
        }

        BlobProperties existing;
        try
        {
            existing = (await Guard(() => blob.GetPropertiesAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new StorageConflictException("Create-only write failed: the item changed while it was written.", ex);
        }

        if (ReadExpiry(existing.Metadata) > now)
        {
            throw StorageConflictException.For(null);
        }

        try
        {
            return await UploadAsync(blob, value, expiresAt, new BlobRequestConditions { IfMatch = existing.ETag }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            throw new StorageConflictException("Create-only write failed: the expired item was taken over by someone else.", ex);
        }
    }

    private async Task<string> UploadCreatingContainerAsync(
        BlobClient blob, string value, DateTimeOffset expiresAt, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        try
        {
            return await UploadAsync(blob, value, expiresAt, conditions, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.ContainerNotFound)
        {
            await Guard(() => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken), cancellationToken).ConfigureAwait(false);
            return await UploadAsync(blob, value, expiresAt, conditions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// One conditional Put Blob. The client retries a Put whose answer was lost (a timeout, a reset connection);
    /// when the first attempt had landed, the retry fails its own condition (412, or 409 for a create) against the
    /// version that attempt wrote. Taken for a conflict, that would re-run the turn on top of its own saved state
    /// and apply it twice (a typed answer given to the next question as well). So every write carries a random
    /// id in its metadata, and a refused write that finds its own id on the blob succeeded after all.
    /// </summary>
    private static async Task<string> UploadAsync(
        BlobClient blob, string value, DateTimeOffset expiresAt, BlobRequestConditions conditions, CancellationToken cancellationToken)
    {
        var writeId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        // A small payload goes up as one Put Blob, so the condition and the content change together.
        var options = new BlobUploadOptions
        {
            Conditions = conditions,
            Metadata = new Dictionary<string, string>
            {
                [ExpiresAtMetadata] = expiresAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
                [WriteIdMetadata] = writeId,
            },
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" },
        };
        try
        {
            var response = await Guard(() => blob.UploadAsync(BinaryData.FromString(value), options, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return Token(expiresAt, response.Value.ETag);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            if (await VersionWrittenByAsync(blob, writeId, cancellationToken).ConfigureAwait(false) is { } landed)
            {
                return Token(expiresAt, landed);
            }

            throw;
        }
    }

    /// <summary>The blob's current ETag when its current version is the one written with <paramref name="writeId"/>; else null.</summary>
    private static async Task<ETag?> VersionWrittenByAsync(BlobClient blob, string writeId, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await Guard(() => blob.GetPropertiesAsync(cancellationToken: cancellationToken), cancellationToken)
                .ConfigureAwait(false)).Value;
            return properties.Metadata.TryGetValue(WriteIdMetadata, out var id) && string.Equals(id, writeId, StringComparison.Ordinal)
                ? properties.ETag
                : null;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static async Task DeleteVersionAsync(BlobClient blob, ETag version, CancellationToken cancellationToken)
    {
        try
        {
            await Guard(
                () => blob.DeleteIfExistsAsync(conditions: new BlobRequestConditions { IfMatch = version }, cancellationToken: cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone already, or rewritten by another instance: either way not ours to delete.
        }
    }

    /// <summary>
    /// Runs one service call and turns "the store cannot be reached" into <see cref="StorageUnavailableException"/>.
    /// Status codes that carry meaning (404, 409, 412, 400) stay <see cref="RequestFailedException"/>s for the caller.
    /// </summary>
    private static async Task<T> Guard<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsUnavailable(ex))
        {
            throw new StorageUnavailableException($"Azure Blob Storage answered {ex.Status} ({ex.ErrorCode}).", ex);
        }
        catch (AggregateException ex)
        {
            // The client's retry policy gave up: one inner exception per attempt.
            throw new StorageUnavailableException("Azure Blob Storage could not be reached.", ex);
        }
        catch (Exception ex) when (ex is SocketException or HttpRequestException or IOException)
        {
            // A connection reset right after connecting can surface as a bare SocketException, past the client's retries.
            throw new StorageUnavailableException("Azure Blob Storage could not be reached.", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's network timeout, not the caller's cancellation.
            throw new StorageUnavailableException("Azure Blob Storage did not answer in time.", ex);
        }
    }

    private static bool IsUnavailable(RequestFailedException exception) =>
        exception.Status is 0 or 401 or 403 or 408 or 429 or >= 500;

    private static DateTimeOffset ReadExpiry(IDictionary<string, string> metadata) =>
        metadata.TryGetValue(ExpiresAtMetadata, out var text)
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            // Not written by this store: treat it as expired rather than guess.
            : DateTimeOffset.MinValue;

    private static string Token(DateTimeOffset expiresAt, ETag eTag) =>
        string.Create(CultureInfo.InvariantCulture, $"{expiresAt.ToUnixTimeMilliseconds()}{TokenSeparator}{eTag}");

    private static bool TryParseToken(string token, out DateTimeOffset expiresAt, out ETag eTag)
    {
        var separator = token.IndexOf(TokenSeparator, StringComparison.Ordinal);
        if (separator > 0
            && long.TryParse(token.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds)
            && separator < token.Length - 1)
        {
            expiresAt = DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
            eTag = new ETag(token[(separator + 1)..]);
            return true;
        }

        expiresAt = default;
        eTag = default;
        return false;
    }

    private static bool IsPlainWord(ReadOnlySpan<char> segment) =>
        segment.Length <= 32 && !segment.ContainsAnyExcept(PlainWordChars);
}

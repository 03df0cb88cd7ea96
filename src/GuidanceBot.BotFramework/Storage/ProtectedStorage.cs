using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// Encryption at rest for every provider: a decorator that protects each value with ASP.NET Core Data
/// Protection (authenticated encryption, keys in a key ring all instances share) before the inner store
/// sees it. ETags, create-only writes and expiry are the inner store's. The storage key is a sub-purpose,
/// so a value copied to another key (another conversation) does not decrypt.
/// <para>
/// A value that cannot be decrypted (its key was removed from the ring, or the bytes were altered) is
/// returned with an empty <see cref="StorageItem.Value"/> and its ETag: state readers treat it as
/// unreadable, start over, and their next save replaces it (or deletes it). Failing to load the key ring
/// (the store is down, the key folder cannot be read, the ring's XML is broken) is not "unreadable": it is
/// a <see cref="StorageUnavailableException"/>, so that a passing fault never makes good state look
/// unreadable and get replaced.
/// </para>
/// </summary>
public sealed partial class ProtectedStorage : IStorage
{
    /// <summary>The Data Protection purpose of state values; change it and all stored state becomes unreadable.</summary>
    public const string Purpose = "GuidanceBot.BotFramework.Storage.ProtectedStorage.v1";

    private readonly IDataProtector _protector;
    private readonly ILogger<ProtectedStorage> _logger;

    public ProtectedStorage(IStorage inner, IDataProtectionProvider dataProtection, ILogger<ProtectedStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(dataProtection);
        Inner = inner;
        _protector = dataProtection.CreateProtector(Purpose);
        _logger = logger;
    }

    /// <summary>The provider's store, which only ever sees ciphertext.</summary>
    public IStorage Inner { get; }

    public async Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        var item = await Inner.ReadAsync(key, cancellationToken).ConfigureAwait(false);
        if (item is null)
        {
            return null;
        }

        try
        {
            return item with { Value = ForKey(key).Unprotect(item.Value) };
        }
        catch (CryptographicException ex) when (IsUnreadableValue(ex))
        {
            LogUnreadable(_logger);
            return item with { Value = string.Empty };
        }
        catch (CryptographicException ex)
        {
            throw new StorageUnavailableException("The data protection key ring could not be loaded.", ex);
        }
    }

    public Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        string ciphertext;
        try
        {
            ciphertext = ForKey(key).Protect(value);
        }
        catch (CryptographicException ex)
        {
            // Encrypting can only fail for want of a key: the ring could not be loaded or a new key not be stored.
            throw new StorageUnavailableException("The data protection key ring could not be loaded.", ex);
        }

        return Inner.WriteAsync(key, ciphertext, eTag, timeToLive, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        Inner.DeleteAsync(key, cancellationToken);

    public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken) =>
        Inner.DeleteAsync(key, eTag, cancellationToken);

    /// <summary>
    /// True when the value itself is the problem: its key is not in the ring, its tag does not verify, or it is
    /// not Data Protection's format at all. Data Protection wraps every other failure (an <see cref="IOException"/>
    /// reading the key folder, broken ring XML, a key-ring store that is down) in a
    /// <see cref="CryptographicException"/> with that failure inside, so any cause of another kind means the
    /// key ring, not the value, failed.
    /// </summary>
    private static bool IsUnreadableValue(CryptographicException exception)
    {
        for (var cause = exception.InnerException; cause is not null; cause = cause.InnerException)
        {
            if (cause is not (CryptographicException or FormatException or DecoderFallbackException))
            {
                return false;
            }
        }

        return true;
    }

    private IDataProtector ForKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _protector.CreateProtector(key);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "A stored state value could not be decrypted (its key is not in the key ring, or it was altered); it is treated as unreadable")]
    private static partial void LogUnreadable(ILogger logger);
}

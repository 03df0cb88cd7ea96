using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// Encryption at rest for every provider: a decorator that protects each value with ASP.NET Core Data
/// Protection (authenticated encryption, keys in a key ring all instances share) before the inner store
/// sees it. ETags, create-only writes and expiry are the inner store's. The storage key is a sub-purpose,
/// so a value copied to another key (another conversation) does not decrypt.
/// <para>
/// A value that the cached key ring cannot decrypt is tried once more with the ring read afresh from its store: another
/// instance may have added a key since this one loaded the ring (two instances that start together each create one),
/// and Data Protection itself reloads for an unknown key only in its first two minutes (aspnetcore#3975), otherwise
/// not before its daily refresh. Only a value that the fresh ring cannot decrypt either (its key was removed from the
/// ring, or the bytes were altered) is returned with an empty <see cref="StorageItem.Value"/> and its ETag: state
/// readers treat it as unreadable, start over, and their next save replaces it (or deletes it). Failing to load the key ring
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
    private readonly Func<IDataProtectionProvider>? _loadFreshKeyRing;
    private readonly ILogger<ProtectedStorage> _logger;
    private IDataProtector? _freshProtector;

    /// <summary>
    /// Protects <paramref name="inner"/> with <paramref name="dataProtection"/>. <paramref name="loadFreshKeyRing"/>
    /// makes a provider that reads the same key ring anew (<see cref="FreshKeyRingLoader"/>); without it a value the
    /// cached ring cannot decrypt is unreadable at once.
    /// </summary>
    public ProtectedStorage(
        IStorage inner, IDataProtectionProvider dataProtection, Func<IDataProtectionProvider>? loadFreshKeyRing, ILogger<ProtectedStorage> logger)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(dataProtection);
        Inner = inner;
        _protector = dataProtection.CreateProtector(Purpose);
        _loadFreshKeyRing = loadFreshKeyRing;
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

        var value = TryUnprotect(_protector, key, item.Value);
        if (value is null && _loadFreshKeyRing is not null)
        {
            value = UnprotectWithFreshKeyRing(key, item.Value);
        }

        if (value is not null)
        {
            return item with { Value = value };
        }

        LogUnreadable(_logger);
        return item with { Value = string.Empty };
    }

    /// <summary>
    /// Makes, for <see cref="ProtectedStorage(IStorage, IDataProtectionProvider, Func{IDataProtectionProvider}?, ILogger{ProtectedStorage})"/>,
    /// Data Protection providers that read the key ring of <paramref name="keyManagement"/> (its repository and key
    /// encryption) anew and never add a key; null when no repository is configured.
    /// </summary>
    public static Func<IDataProtectionProvider>? FreshKeyRingLoader(KeyManagementOptions keyManagement, string applicationName)
    {
        ArgumentNullException.ThrowIfNull(keyManagement);
        if (keyManagement.XmlRepository is not { } repository)
        {
            return null;
        }

        var encryptor = keyManagement.XmlEncryptor;
        return () =>
        {
            var services = new ServiceCollection();
            services.AddDataProtection().SetApplicationName(applicationName).DisableAutomaticKeyGeneration();
            services.Configure<KeyManagementOptions>(o =>
            {
                o.XmlRepository = repository;
                o.XmlEncryptor = encryptor;
            });
            return services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
        };
    }

    public Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(value);
        string ciphertext;
        try
        {
            ciphertext = ForKey(_protector, key).Protect(value);
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

    /// <summary>The plaintext, or null when the value is unreadable with <paramref name="protector"/>'s ring.</summary>
    private static string? TryUnprotect(IDataProtector protector, string key, string ciphertext)
    {
        try
        {
            return ForKey(protector, key).Unprotect(ciphertext);
        }
        catch (CryptographicException ex) when (IsUnreadableValue(ex))
        {
            return null;
        }
        catch (CryptographicException ex)
        {
            throw new StorageUnavailableException("The data protection key ring could not be loaded.", ex);
        }
    }

    /// <summary>
    /// Tries the ring last read afresh, and when that fails too, reads it once more. The fresh ring is kept: while
    /// this instance's cached ring lacks another instance's key (until its daily refresh), each such value costs one
    /// more decryption, not a read. Two misses at once may both read the ring; either result is as good.
    /// </summary>
    private string? UnprotectWithFreshKeyRing(string key, string ciphertext)
    {
        if (Volatile.Read(ref _freshProtector) is { } known && TryUnprotect(known, key, ciphertext) is { } value)
        {
            return value;
        }

        var fresh = _loadFreshKeyRing!().CreateProtector(Purpose);
        Volatile.Write(ref _freshProtector, fresh);
        var result = TryUnprotect(fresh, key, ciphertext);
        if (result is not null)
        {
            LogReadWithFreshKeyRing(_logger);
        }

        return result;
    }

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

    private static IDataProtector ForKey(IDataProtector protector, string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return protector.CreateProtector(key);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning,
        Message = "A stored state value could not be decrypted (its key is not in the key ring, not even when read afresh, or it was altered); it is treated as unreadable")]
    private static partial void LogUnreadable(ILogger logger);

    [LoggerMessage(EventId = 2102, Level = LogLevel.Information,
        Message = "A stored state value was encrypted with a key this instance had not loaded yet; it was decrypted with the key ring read afresh")]
    private static partial void LogReadWithFreshKeyRing(ILogger logger);
}

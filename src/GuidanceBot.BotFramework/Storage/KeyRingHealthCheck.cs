using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// Readiness of the encryption in front of the store, for <c>GET /readyz</c>: every turn's state goes through
/// <see cref="ProtectedStorage"/>, so an instance whose Data Protection key ring cannot be loaded (a key file
/// that is not XML, a key folder it may not read) fails every turn while the store itself answers. The check
/// encrypts and decrypts a few fixed bytes, which loads the ring exactly as a turn would; once loaded, Data
/// Protection keeps serving from its cached ring when a later refresh fails, and so do turns and this check.
/// </summary>
public sealed class KeyRingHealthCheck : IHealthCheck
{
    /// <summary>The name the check is registered under.</summary>
    public const string Name = "key-ring";

    // A purpose of its own: a probe value can never be mistaken for state, nor state for a probe.
    private const string Purpose = "GuidanceBot.BotFramework.Storage.KeyRingHealthCheck.v1";

    private static readonly byte[] ProbeBytes = [0x72, 0x65, 0x61, 0x64, 0x79];

    private readonly IDataProtector _protector;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    public KeyRingHealthCheck(IDataProtectionProvider dataProtection, IOptions<StorageOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(options);
        _protector = dataProtection.CreateProtector(Purpose);
        _timeout = options.Value.ReadinessTimeout;
        _time = time;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        // Loading the ring is synchronous I/O (a key file, or the key blob with its own bounded retries); on the
        // thread pool, so that a slow load costs this probe its budget and does not hold the request thread.
        var roundTrip = Task.Run(() => _protector.Unprotect(_protector.Protect(ProbeBytes)), CancellationToken.None);
        try
        {
            var result = await roundTrip.WaitAsync(_timeout, _time, cancellationToken).ConfigureAwait(false);
            return result.AsSpan().SequenceEqual(ProbeBytes)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The data protection key ring gave back other bytes than it was given.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The data protection key ring did not load in time.");
        }
        catch (CryptographicException ex)
        {
            // The exception type only, as for the store: inner messages can name folders or accounts.
            return HealthCheckResult.Unhealthy(
                $"The data protection key ring cannot be loaded ({(ex.InnerException ?? ex).GetType().Name}).");
        }
    }
}

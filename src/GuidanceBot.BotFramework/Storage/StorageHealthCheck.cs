using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// Readiness of the state store, for <c>GET /readyz</c>: a load balancer stops sending turns to an instance
/// whose store cannot be reached. Azure Blob Storage gets one small request; SQLite takes and drops the
/// file's write lock (another process holding it fails every save, not reads); memory always answers. The
/// check gives up after <see cref="StorageOptions.ReadinessTimeout"/>.
/// </summary>
public sealed class StorageHealthCheck : IHealthCheck
{
    /// <summary>The tag of checks that decide readiness.</summary>
    public const string ReadinessTag = "ready";

    /// <summary>The name the check is registered under.</summary>
    public const string Name = "storage";

    private const string ProbeKey = "health/readiness-probe";

    private readonly Func<IStorage> _storage;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;

    /// <summary>
    /// Checks the store <paramref name="storage"/> gives: the provider's own store, not a decorator. It is
    /// resolved inside the check, so a store that cannot even be opened reports "not ready" instead of failing the endpoint.
    /// </summary>
    public StorageHealthCheck(
        Func<IStorage> storage,
        IOptions<StorageOptions> options,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        _storage = storage;
        _timeout = options.Value.ReadinessTimeout;
        _time = time;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var storage = _storage();
            if (storage is IReadinessProbe probe)
            {
                await probe.ProbeAsync(linked.Token).ConfigureAwait(false);
            }
            else
            {
                await storage.ReadAsync(ProbeKey, linked.Token).ConfigureAwait(false);
            }

            return HealthCheckResult.Healthy();
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The state store did not answer in time.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception type only: messages of storage clients can carry account names.
            return HealthCheckResult.Unhealthy($"The state store cannot be reached ({ex.GetType().Name}).");
        }
    }
}

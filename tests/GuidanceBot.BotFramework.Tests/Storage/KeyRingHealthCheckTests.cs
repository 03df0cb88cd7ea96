using GuidanceBot.BotFramework.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Tests.Storage;

/// <summary>Readiness reports a key ring that cannot be loaded, which fails every turn while the store answers.</summary>
public sealed class KeyRingHealthCheckTests
{
    private readonly FailingKeyRing _keyRing = new(new MemoryXmlRepository());

    [Fact]
    public async Task Check_KeyRingLoads_IsHealthy()
    {
        var result = await Check(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthStatus.Healthy, result.Status);
    }

    [Theory]
    [InlineData(typeof(IOException))]
    [InlineData(typeof(UnauthorizedAccessException))]
    [InlineData(typeof(System.Xml.XmlException))]
    public async Task Check_KeyRingCannotBeLoaded_IsUnhealthyAndNamesOnlyTheType(Type failure)
    {
        _keyRing.Failure = (Exception)Activator.CreateInstance(failure, "C:\\keys\\secret-account")!;

        var result = await Check(TimeSpan.FromSeconds(10));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.DoesNotContain("secret-account", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_KeyStoreHangs_IsUnhealthyWithinTheReadinessTimeout()
    {
        using var gate = new ManualResetEventSlim();
        _keyRing.Gate = gate;
        try
        {
            var result = await Check(TimeSpan.FromMilliseconds(200)).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(HealthStatus.Unhealthy, result.Status);
            Assert.Contains("in time", result.Description, StringComparison.Ordinal);
        }
        finally
        {
            gate.Set();
        }
    }

    [Fact]
    public async Task Check_KeyRingBackAfterAFailure_IsHealthyAgain()
    {
        _keyRing.Failure = new IOException("The key folder cannot be read.");
        var check = CreateCheck(TimeSpan.FromSeconds(10));
        var during = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        _keyRing.Failure = null;
        var after = await check.CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

        Assert.Equal(HealthStatus.Unhealthy, during.Status);
        Assert.Equal(HealthStatus.Healthy, after.Status);
    }

    private Task<HealthCheckResult> Check(TimeSpan readinessTimeout) =>
        CreateCheck(readinessTimeout).CheckHealthAsync(new HealthCheckContext(), CancellationToken.None);

    private KeyRingHealthCheck CreateCheck(TimeSpan readinessTimeout)
    {
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName(StorageServiceCollectionExtensions.DataProtectionApplicationName);
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = _keyRing);
        var dataProtection = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
        return new KeyRingHealthCheck(
            dataProtection, Options.Create(new StorageOptions { ReadinessTimeout = readinessTimeout }), TimeProvider.System);
    }
}

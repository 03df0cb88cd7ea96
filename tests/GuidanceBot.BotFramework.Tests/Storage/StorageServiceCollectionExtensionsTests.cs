using GuidanceBot.BotFramework.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests
{
    [Fact]
    public void AddBotStorage_AzureBlobWithoutConnectionString_FailsValidation()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBotStorage().Configure(o => o.Provider = StorageProvider.AzureBlob);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Upper-Case")]
    [InlineData("double--hyphen")]
    [InlineData("-leading")]
    public void AddBotStorage_InvalidContainerName_FailsValidation(string container)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBotStorage().Configure(o =>
        {
            o.Provider = StorageProvider.AzureBlob;
            o.ConnectionString = "UseDevelopmentStorage=true";
            o.Container = container;
        });
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
    }

    [Fact]
    public void AddBotStorage_AnyProvider_IStorageIsTheEncryptingDecoratorOverTheProviderStore()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddBotStorage().Configure(o => o.Provider = StorageProvider.Memory);
        using var provider = services.BuildServiceProvider();

        var storage = provider.GetRequiredService<IStorage>();

        var protectedStorage = Assert.IsType<ProtectedStorage>(storage);
        Assert.Same(provider.GetRequiredKeyedService<IStorage>(StorageServiceCollectionExtensions.ProviderStoreKey), protectedStorage.Inner);
        Assert.IsType<MemoryStorage>(protectedStorage.Inner);
    }

    [Fact]
    public void AddBotStorage_CalledTwice_RegistersTheReadinessChecksOnce()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddBotStorage();
        services.AddBotStorage();

        using var provider = services.BuildServiceProvider();
        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Single(registrations, r => r.Name == StorageHealthCheck.Name);
        Assert.Single(registrations, r => r.Name == KeyRingHealthCheck.Name && r.Tags.Contains(StorageHealthCheck.ReadinessTag));
    }

    [Fact]
    public void AddBotStorage_CalledTwice_RegistersThePurgeOfExpiredStateOnce()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddBotStorage();
        services.AddBotStorage();

        Assert.Single(services, d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService) && d.ImplementationType == typeof(ExpiredStatePurge));
    }

    [Fact]
    public async Task AddBotStorage_NewKeys_UseAesGcm()
    {
        var folder = Directory.CreateTempSubdirectory("gb-keys-").FullName;
        try
        {
            await using (var provider = SqliteServices(folder).BuildServiceProvider())
            {
                await provider.GetRequiredService<IStorage>().WriteAsync("conversation/a", "{}", null, TimeSpan.FromHours(1), CancellationToken.None);
            }

            Assert.Contains("AES_256_GCM", KeyRing(folder), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AddBotStorage_ValueEncryptedUnderAnOlderCbcKey_StillDecrypts()
    {
        var folder = Directory.CreateTempSubdirectory("gb-keys-").FullName;
        try
        {
            // What a deployment from before the switch to GCM wrote: its key ring holds a CBC key.
            var older = SqliteServices(folder);
            older.AddDataProtection().UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_CBC,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
            await using (var provider = older.BuildServiceProvider())
            {
                await provider.GetRequiredService<IStorage>().WriteAsync("conversation/a", "{\"stap\":3}", null, TimeSpan.FromHours(1), CancellationToken.None);
            }

            Assert.Contains("AES_256_CBC", KeyRing(folder), StringComparison.Ordinal);
            await using var current = SqliteServices(folder).BuildServiceProvider();
            var item = await current.GetRequiredService<IStorage>().ReadAsync("conversation/a", CancellationToken.None);

            Assert.Equal("{\"stap\":3}", item?.Value);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The key ring's XML files under <paramref name="folder"/>, as one text.</summary>
    private static string KeyRing(string folder) =>
        string.Concat(Directory.GetFiles(Path.Combine(folder, "keys"), "*.xml").Select(File.ReadAllText));

    private static ServiceCollection SqliteServices(string folder)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddBotStorage().Configure(o =>
        {
            o.Provider = StorageProvider.Sqlite;
            o.Path = folder;
        });
        return services;
    }
}

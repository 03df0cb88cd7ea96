using GuidanceBot.BotFramework.Storage;
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
    public void AddBotStorage_CalledTwice_RegistersTheReadinessCheckOnce()
    {
        var services = new ServiceCollection().AddLogging();

        services.AddBotStorage();
        services.AddBotStorage();

        using var provider = services.BuildServiceProvider();
        var registrations = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;
        Assert.Single(registrations, r => r.Name == StorageHealthCheck.Name);
    }
}

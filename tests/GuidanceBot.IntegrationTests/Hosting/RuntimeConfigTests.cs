using System.Text.Json;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>
/// The runtime settings the bot is built with (<c>GuidanceBot.runtimeconfig.json</c>, made from GuidanceBot.csproj
/// and copied beside the tests). Their effect on memory and CPU is measured by the load generator
/// (docs/benchmarks.md); this test keeps a build from silently dropping them.
/// </summary>
public sealed class RuntimeConfigTests
{
    [Fact]
    public void RuntimeConfig_Gc_IsWorkstationWithGen0BudgetCappedAt32MiB()
    {
        var properties = ConfigProperties();

        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(32L * 1024 * 1024, properties.GetProperty("System.GC.Gen0MaxBudget").GetInt64());
    }

    private static JsonElement ConfigProperties()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "GuidanceBot.runtimeconfig.json");
        Assert.True(File.Exists(path), $"{path} is missing: the bot's runtimeconfig.json is copied beside the tests when they are built.");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GuidanceBot.Knowledge.Tests;

public class KnowledgeServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddKnowledge_ConfiguredPath_BuildsIndexAtStartAsSingleton()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddKnowledge()
            .Configure<KnowledgeOptions>(o =>
            {
                o.Path = FixturePaths.Knowledge;
                o.WatchForChanges = false;
            })
            .BuildServiceProvider();

        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        var search = services.GetRequiredService<IPassageSearch>();
        Assert.Same(search, services.GetRequiredService<IPassageSearch>());
        Assert.Contains(search.AllPassages, p => p.Id == "melden#aanmelden-bij-comensha");
    }

    [Fact]
    public void AddKnowledge_EmptyPath_FailsValidation()
    {
        using var services = new ServiceCollection()
            .AddLogging()
            .AddKnowledge()
            .Configure<KnowledgeOptions>(o => o.Path = " ")
            .BuildServiceProvider();

        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => services.GetRequiredService<IPassageSearch>());
    }
}

using GuidanceBot.Knowledge.Indexing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace GuidanceBot.Knowledge;

/// <summary>Registers the knowledge layer.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IPassageSearch"/> as a singleton whose index is built from
    /// <see cref="KnowledgeOptions.Path"/> when the host starts and rebuilt when files change.
    /// The host binds <see cref="KnowledgeOptions"/> (section <c>Knowledge</c>).
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Knowledge:Path must name the knowledge folder.")
            .Validate(o => o.MinConfidence is null or (>= 0 and <= 1), "Knowledge:MinConfidence must be between 0 and 1.");
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<KnowledgeIndex>();
        services.TryAddSingleton<IPassageSearch>(sp => sp.GetRequiredService<KnowledgeIndex>());
        services.AddHostedService<KnowledgeIndexStarter>();
        return services;
    }

    /// <summary>Builds the index while the host starts, not on the first question.</summary>
    private sealed class KnowledgeIndexStarter(IPassageSearch search) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = search.AllPassages;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Knowledge;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Guidance.Tests.Flows;

/// <summary>
/// Every passage id a flow cites exists in the real index built from <c>knowledge/</c>, so a renamed
/// heading cannot leave a summary card citing nothing.
/// </summary>
public sealed class CitedPassagesTests
{
    private static readonly Lazy<ServiceProvider> Knowledge = new(() =>
    {
        var services = new ServiceCollection().AddLogging().AddKnowledge();
        services.Configure<KnowledgeOptions>(o =>
        {
            o.Path = RepoPaths.Knowledge;
            o.WatchForChanges = false;
        });
        return services.BuildServiceProvider();
    });

    public static TheoryData<string> CitedIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var id in SignalerenSources.Summary.Concat(RisicotaxatieSources.Summary).Concat(MeldenSources.Summary).Concat(UrgentCallCard.Sources).Distinct())
            {
                data.Add(id);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(CitedIds))]
    public void CitedPassage_InKnowledgeIndex_Exists(string passageId)
    {
        var search = Knowledge.Value.GetRequiredService<IPassageSearch>();

        Assert.NotNull(search.GetPassage(passageId));
    }
}

using GuidanceBot.Cards.Model;
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

    public static TheoryData<string, string[]> FlowSources => new()
    {
        { "signaleren", [.. SignalerenSources.Summary] },
        { "risicotaxatie", [.. RisicotaxatieSources.Summary] },
        { "melden", [.. MeldenSources.Summary] },
        { "urgent", [.. UrgentCallCard.Sources] },
    };

    [Theory]
    [MemberData(nameof(FlowSources))]
    public void SummaryLinks_RealSources_AreDistinctAndNoMoreThanTeamsShows(string flow, string[] passageIds)
    {
        var sources = new FlowCitations(Knowledge.Value.GetRequiredService<IPassageSearch>()).For(passageIds);

        var links = FlowCitations.Block(sources).OfType<ActionSet>().SelectMany(set => set.Actions).OfType<ActionOpenUrl>()
            .Select(link => link.Url.AbsoluteUri).ToList();

        Assert.True(links.Count is > 0 and <= FlowCitations.MaxLinks, $"{flow}: {links.Count} links");
        Assert.Equal(links.Count, links.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [MemberData(nameof(CitedIds))]
    public void CitedPassage_InKnowledgeIndex_Exists(string passageId)
    {
        var search = Knowledge.Value.GetRequiredService<IPassageSearch>();

        Assert.NotNull(search.GetPassage(passageId));
    }
}

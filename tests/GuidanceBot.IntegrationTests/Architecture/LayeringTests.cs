using System.Reflection;

namespace GuidanceBot.IntegrationTests.Architecture;

/// <summary>
/// The layer arrows of ARCHITECTURE.md point down only: the host may reference everything, Guidance the
/// three lower layers, and BotFramework, Cards and Knowledge none of our projects.
/// </summary>
public sealed class LayeringTests
{
    public static TheoryData<string, string[]> AllowedReferences => new()
    {
        { "GuidanceBot", ["GuidanceBot.Guidance", "GuidanceBot.Knowledge", "GuidanceBot.Cards", "GuidanceBot.BotFramework"] },
        { "GuidanceBot.Guidance", ["GuidanceBot.Knowledge", "GuidanceBot.Cards", "GuidanceBot.BotFramework"] },
        { "GuidanceBot.Knowledge", [] },
        { "GuidanceBot.Cards", [] },
        { "GuidanceBot.BotFramework", [] },
    };

    [Theory]
    [MemberData(nameof(AllowedReferences))]
    public void Layer_ReferencesOnlyLayersBelowIt(string layer, string[] allowed)
    {
        var assembly = Assembly.Load(layer);

        var ours = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name == "GuidanceBot" || name.StartsWith("GuidanceBot.", StringComparison.Ordinal));

        Assert.All(ours, name => Assert.Contains(name, allowed));
    }

    [Fact]
    public void OnlyKnowledge_ReferencesLuceneNet()
    {
        var others = new[] { "GuidanceBot", "GuidanceBot.Guidance", "GuidanceBot.Cards", "GuidanceBot.BotFramework" };

        var offenders = others.Where(layer => Assembly.Load(layer).GetReferencedAssemblies()
            .Any(a => a.Name!.StartsWith("Lucene.Net", StringComparison.Ordinal)));

        Assert.Empty(offenders);
    }
}

using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Knowledge;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Flows;

public sealed class FlowCitationsTests
{
    [Fact]
    public void Block_TenSourcesWithLinks_ShowsNoMoreLinksThanTeamsRenders()
    {
        var sources = Enumerable.Range(1, 10)
            .Select(i => new FlowSource($"doc#s{i}", "Handreiking", $"Sectie {i}", new Uri($"https://example.org/{i}")))
            .ToList();

        var card = CardOf(FlowCitations.Block(sources));

        var links = CardAssert.ObjectsOf(card, "Action.OpenUrl").Select(a => a.GetProperty("url").GetString()).ToList();
        Assert.Equal([.. Enumerable.Range(1, FlowCitations.MaxLinks).Select(i => $"https://example.org/{i}")], links);
        Assert.All(sources, s => Assert.Contains($"Handreiking › {s.SectionPath}", CardAssert.AllText(card)));
    }

    [Fact]
    public void Block_TwoSourcesWithTheSameLink_ShowsTheLinkOnce()
    {
        var page = new Uri("https://example.org/meldcode");
        FlowSource[] sources = [new("melden#a", "Melden", "Stap 5", page), new("melden#b", "Melden", "Afwegingskader", new Uri("https://EXAMPLE.org/meldcode"))];

        var card = CardOf(FlowCitations.Block(sources));

        var link = Assert.Single(CardAssert.ObjectsOf(card, "Action.OpenUrl"));
        Assert.Equal("Stap 5", link.GetProperty("title").GetString());
        Assert.Contains("Melden › Afwegingskader", CardAssert.AllText(card));
    }

    [Fact]
    public void For_PassageWhoseFirstSourceIsNoWebPage_LinksItsFirstWebPage()
    {
        var passage = new Passage(
            "melden#a", "melden", "Melden", ["Stap 5"], "Tekst", ["mailto:info@example.org", "ftp://example.org/a", "https://example.org/meldcode"], null, null);

        var source = Assert.Single(new FlowCitations(new OnePassage(passage)).For(["melden#a"]));

        Assert.Equal(new Uri("https://example.org/meldcode"), source.Url);
    }

    private static AdaptiveCard CardOf(IReadOnlyList<CardElement> block) => new() { Body = [.. block] };

    private sealed class OnePassage(Passage passage) : IPassageSearch
    {
        public IReadOnlyList<Passage> AllPassages => [passage];

        public Passage? GetPassage(string passageId) => passageId == passage.Id ? passage : null;

        public SearchResult Search(string query, int maxHits = 3) => new(query, false, []);
    }
}

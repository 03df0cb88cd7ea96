using GuidanceBot.Knowledge.Indexing;

namespace GuidanceBot.Knowledge.Tests.Search;

public class PassageSearcherTests
{
    private static readonly Lazy<KnowledgeIndex> Index = new(() => new KnowledgeIndex(new KnowledgeOptions { Path = FixturePaths.Knowledge, WatchForChanges = false }));

    private static KnowledgeIndex Search => Index.Value;

    [Fact]
    public void Search_Pooierboy_FindsLoverboyPassage()
    {
        var result = Search.Search("Wat is een pooierboy?");

        Assert.True(result.Answered);
        Assert.Equal("loverboys#wat-is-een-loverboy", result.Hits[0].Passage.Id);
    }

    [Fact]
    public void Search_Loverboy_FindsPassageThatSaysPooierboy()
    {
        var result = Search.Search("loverboy", maxHits: 10);

        Assert.True(result.Answered);
        Assert.Contains(result.Hits, h => h.Passage.Id == "loverboys#andere-woorden");
    }

    [Fact]
    public void Search_Abbreviation_FindsSynonym()
    {
        var result = Search.Search("tel nr VT");

        Assert.True(result.Answered);
        Assert.Equal("contacten#telefoonnummers", result.Hits[0].Passage.Id);
    }

    [Fact]
    public void Search_Typo_IsCorrected()
    {
        var result = Search.Search("toestemingsverklaring comensa");

        Assert.True(result.Answered);
        Assert.Equal("melden#aanmelden-bij-comensha", result.Hits[0].Passage.Id);
    }

    [Fact]
    public void Search_CompoundPart_FindsCompound()
    {
        var result = Search.Search("wat doet een rechercheur mensenhandel");

        Assert.True(result.Answered);
        Assert.Equal("melden#samenwerking-met-de-politie", result.Hits[0].Passage.Id);
    }

    [Theory]
    [InlineData("Wat is de hoofdstad van Frankrijk?")]
    [InlineData("Hoe laat is het?")]
    [InlineData("")]
    public void Search_OffTopic_IsNotAnswered(string query)
    {
        var result = Search.Search(query);

        Assert.False(result.Answered);
        Assert.Empty(result.Hits);
    }

    [Fact]
    public void Search_Answer_HasAtMostMaxHitsInScoreOrder()
    {
        var result = Search.Search("melden bij Veilig Thuis of CoMensha", maxHits: 2);

        Assert.InRange(result.Hits.Count, 1, 2);
        Assert.Equal(result.Hits.OrderByDescending(h => h.Score).Select(h => h.Passage.Id), result.Hits.Select(h => h.Passage.Id));
    }

    [Fact]
    public void Search_Snippet_MarksMatchesAndIsPartOfText()
    {
        var hit = Search.Search("pooierboy seksindustrie").Hits[0];

        var snippet = string.Concat(hit.Snippet.Select(s => s.Text));
        Assert.Contains(snippet, hit.Passage.Text, StringComparison.Ordinal);
        Assert.Equal(["loverboy", "mensenhandelaar", "seksindustrie"], hit.Snippet.Where(s => s.IsMatch).Select(s => s.Text));
    }

    [Fact]
    public void GetPassage_KnownId_ReturnsPassage()
    {
        var passage = Search.GetPassage("melden#meldcode-in-vijf-stappen");

        Assert.NotNull(passage);
        Assert.Contains("afwegingskader", passage.Text, StringComparison.Ordinal);
        Assert.Null(Search.GetPassage("melden#bestaat-niet"));
    }
}

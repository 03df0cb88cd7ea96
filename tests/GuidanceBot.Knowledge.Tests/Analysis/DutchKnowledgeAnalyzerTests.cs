using GuidanceBot.Knowledge.Analysis;
using GuidanceBot.Knowledge.Indexing;
using Lucene.Net.Analysis.Util;

namespace GuidanceBot.Knowledge.Tests.Analysis;

public class DutchKnowledgeAnalyzerTests
{
    private static readonly DutchKnowledgeAnalyzer Plain = new(null, null);

    public static TheoryData<string, string[]> TokenTable => new()
    {
        { "meisjes met LVB", ["meisj", "lvb"] },
        { "Hoe meld ik bij CoMensha?", ["meld", "comensha"] },
        { "melden melding meldingen meldt", ["meld", "meld", "meld", "meld"] },
        { "signalen signaleren signalering", ["signal", "signal", "signal"] },
        { "Coördinatiecentrum", ["coordinatiecentrum"] },
        { "beïnvloedbaar beinvloedbaar", ["beinvloed", "beinvloed"] },
        { "meisje meisjes stap stappen", ["meisj", "meisj", "stap", "stap"] },
        { "slachtoffer slachtoffers", ["slachtoffer", "slachtoffer"] },
        { "wie is de aandachtsfunctionaris", ["aandachtsfunctionaris"] },
        { "bel 0800-2000", ["bel", "0800", "2000"] },
        { "11VB en RIS-L", ["11vb", "ris", "l"] },
        { "kwetsbaarheden", ["kwetsbar"] },
    };

    [Theory]
    [MemberData(nameof(TokenTable))]
    public void Tokens_DutchText_LowerFoldStopAndStem(string text, string[] expected)
    {
        AnalyzerAssert.Tokens(Plain, text, expected);
    }

    [Fact]
    public void Tokens_CompoundOfCorpusWords_AddsBothParts()
    {
        var words = new CharArraySet(DutchKnowledgeAnalyzer.Version, 16, ignoreCase: false) { "loverboy", "problematiek", "mensenhandel", "rechercheur", "aandacht", "functionaris" };
        var analyzer = new DutchKnowledgeAnalyzer(null, words);

        AnalyzerAssert.Tokens(analyzer, "loverboyproblematiek", ["loverboyproblematiek", "loverboy", "problematiek"]);
        AnalyzerAssert.Tokens(analyzer, "mensenhandelrechercheur", ["mensenhandelrechercheur", "mensenhandel", "rechercheur"]);
        AnalyzerAssert.Tokens(analyzer, "aandachtsfunctionaris", ["aandachtsfunctionaris", "aandacht", "functionaris"]);
    }

    [Fact]
    public void Tokens_WordWithoutKnownParts_StaysWhole()
    {
        var words = new CharArraySet(DutchKnowledgeAnalyzer.Version, 16, ignoreCase: false) { "handel", "mensen" };
        var analyzer = new DutchKnowledgeAnalyzer(null, words);

        AnalyzerAssert.Tokens(analyzer, "behandeling", ["behandel"]);
    }

    [Fact]
    public void Tokens_Synonyms_ExpandBothWays()
    {
        var synonyms = IndexSnapshot.ParseSynonyms("# comment\nloverboy, pooierboy\nvt, veilig thuis\n");
        var analyzer = new DutchKnowledgeAnalyzer(synonyms, null);

        Assert.Equal(["loverboy", "pooierboy"], AnalyzerAssert.Terms(analyzer, "pooierboy").Order());
        Assert.Equal(["loverboy", "pooierboy"], AnalyzerAssert.Terms(analyzer, "loverboy").Order());
        Assert.Contains("vt", AnalyzerAssert.Terms(analyzer, "Veilig Thuis"));
        Assert.Contains("thuis", AnalyzerAssert.Terms(analyzer, "VT"));
    }
}

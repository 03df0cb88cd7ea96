using GuidanceBot.Knowledge.Analysis;
using GuidanceBot.Knowledge.Search;

namespace GuidanceBot.Knowledge.Tests.Search;

public class SnippetBuilderTests
{
    private static readonly DutchKnowledgeAnalyzer Analyzer = new(null, null);

    private static HashSet<string> Terms(params string[] terms) => new(terms, StringComparer.Ordinal);

    private static PassageAnalysis Analyzed(string text) =>
        PassageAnalysis.Build(Analyzer, "body", new Dictionary<string, string> { ["body"] = text });

    [Fact]
    public void Build_LongText_CutsAtSentenceBoundaryAroundMatches()
    {
        var filler = string.Concat(Enumerable.Repeat("Dit is een zin zonder iets bijzonders erin. ", 30));
        var text = filler + "Bel Veilig Thuis als je twijfelt. " + filler;

        var snippet = SnippetBuilder.Build(Analyzed(text), text, Terms("twijfelt"));

        var joined = string.Concat(snippet.Select(s => s.Text));
        Assert.InRange(joined.Length, 1, SnippetBuilder.TargetLength);
        Assert.Contains("Bel Veilig Thuis als je twijfelt.", joined, StringComparison.Ordinal);
        Assert.True(joined.StartsWith("Dit", StringComparison.Ordinal) || joined.StartsWith("Bel", StringComparison.Ordinal));
        Assert.EndsWith(".", joined, StringComparison.Ordinal);
        Assert.Equal("twijfelt", Assert.Single(snippet, s => s.IsMatch).Text);
    }

    [Fact]
    public void Build_ShortText_KeepsAllText()
    {
        const string Text = "Meldingen gaan naar Veilig Thuis.";

        var snippet = SnippetBuilder.Build(Analyzed(Text), Text, Terms("meld"));

        Assert.Equal(Text, string.Concat(snippet.Select(s => s.Text)));
        Assert.Equal("Meldingen", Assert.Single(snippet, s => s.IsMatch).Text);
    }
}

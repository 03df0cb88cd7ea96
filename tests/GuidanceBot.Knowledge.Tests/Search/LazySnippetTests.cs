using GuidanceBot.Knowledge.Search;

namespace GuidanceBot.Knowledge.Tests.Search;

public sealed class LazySnippetTests
{
    [Fact]
    public void Snippet_IsBuiltOnFirstReadOnlyAndOnce()
    {
        var builds = 0;
        var snippet = new LazySnippet(() =>
        {
            builds++;
            return [new HighlightSpan("Bel ", false), new HighlightSpan("112", true)];
        });

        Assert.Equal(0, builds);
        Assert.Equal(2, snippet.Count);
        Assert.Equal("112", snippet[1].Text);
        Assert.Equal(["Bel ", "112"], snippet.Select(s => s.Text));
        Assert.Equal(1, builds);
    }
}

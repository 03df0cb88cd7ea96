using GuidanceBot.Knowledge.Ingestion;

namespace GuidanceBot.Knowledge.Tests.Ingestion;

public class MarkdownPassageReaderTests
{
    private static readonly string Loverboys = File.ReadAllText(Path.Combine(FixturePaths.Knowledge, "01-loverboys.md"));

    [Fact]
    public void Read_FrontMatter_SetsDocumentFields()
    {
        var passages = MarkdownPassageReader.Read("01-loverboys.md", Loverboys);

        Assert.All(passages, p => Assert.Equal("loverboys", p.DocumentId));
        Assert.All(passages, p => Assert.Equal("Loverboys en mensenhandel", p.DocumentTitle));
        Assert.All(passages, p => Assert.Equal(new DateOnly(2025, 3, 1), p.Checked));
        Assert.All(passages, p => Assert.Null(p.Page));
    }

    [Fact]
    public void Read_Sections_MakeOnePassagePerHeadingWithOwnText()
    {
        var passages = MarkdownPassageReader.Read("01-loverboys.md", Loverboys);

        Assert.Equal(
            [
                "Wat is een loverboy?",
                "Signalen › Signalen bij het meisje",
                "Signalen › Signalen in het netwerk",
                "Waarom jongeren met een LVB kwetsbaar zijn",
                "Andere woorden",
            ],
            passages.Select(p => p.SectionPath));
    }

    [Fact]
    public void Read_Sections_HaveStableIdsFromHeadingPath()
    {
        var first = MarkdownPassageReader.Read("01-loverboys.md", Loverboys);
        var second = MarkdownPassageReader.Read("01-loverboys.md", Loverboys);

        Assert.Equal(first.Select(p => p.Id), second.Select(p => p.Id));
        Assert.Equal("loverboys#wat-is-een-loverboy", first[0].Id);
        Assert.Equal("loverboys#signalen/signalen-bij-het-meisje", first[1].Id);
    }

    [Fact]
    public void Read_BronLine_BecomesSourceUrlsNotText()
    {
        var passages = MarkdownPassageReader.Read("01-loverboys.md", Loverboys);

        Assert.Equal(["https://www.hetckm.nl/zelf-mensenhandel-herkennen/", "https://helseliefde.nl/loverboys/"], passages[1].SourceUrls);
        Assert.DoesNotContain("Bron", passages[1].Text, StringComparison.Ordinal);
        Assert.Equal(2, passages[1].Citations.Count);
        Assert.Equal("Signalen › Signalen bij het meisje", passages[1].Citations[0].SectionPath);
    }

    [Fact]
    public void Read_Markup_KeepsBulletsAndJoinsWrappedLines()
    {
        var passages = MarkdownPassageReader.Read("01-loverboys.md", Loverboys);

        Assert.StartsWith("Een loverboy is juridisch gewoon een mensenhandelaar. Hij maakt een meisje of jongen verliefd en buit", passages[0].Text, StringComparison.Ordinal);
        Assert.Equal(3, passages[1].Text.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_Table_KeepsCellsReadable()
    {
        var markdown = File.ReadAllText(Path.Combine(FixturePaths.Knowledge, "03-contacten.md"));

        var passage = Assert.Single(MarkdownPassageReader.Read("03-contacten.md", markdown));

        Assert.Contains("Veilig Thuis | advies en melding | 0800-2000", passage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("---", passage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoBronLine_FallsBackToFrontMatterSources()
    {
        const string Markdown = "---\nid: x\ntitle: X\nsources: [https://example.org/a]\n---\n\n## Kop\n\nTekst.\n";

        var passage = Assert.Single(MarkdownPassageReader.Read("x.md", Markdown));

        Assert.Equal(["https://example.org/a"], passage.SourceUrls);
    }

    [Theory]
    [InlineData("## Kop\n\nGeen front matter.\n")]
    [InlineData("---\ntitle: [niet gesloten\n---\n\n## Kop\n\nTekst.\n")]
    [InlineData("---\nid: zonder-titel\n---\n\n## Kop\n\nTekst.\n")]
    [InlineData("---\ntitle: X\nchecked: gisteren\n---\n\n## Kop\n\nTekst.\n")]
    public void Read_BadFrontMatter_ThrowsFormatError(string markdown)
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => MarkdownPassageReader.Read("bad.md", markdown));

        Assert.Contains("front matter", error.Message, StringComparison.Ordinal);
    }
}

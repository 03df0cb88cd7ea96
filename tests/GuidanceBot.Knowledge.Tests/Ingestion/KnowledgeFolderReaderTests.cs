using GuidanceBot.Knowledge.Ingestion;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.Knowledge.Tests.Ingestion;

public class KnowledgeFolderReaderTests
{
    [Fact]
    public void Read_FixtureFolder_ReadsMarkdownAndSynonymsButNotReadme()
    {
        var result = KnowledgeFolderReader.Read(FixturePaths.Knowledge, new ListLogger());

        Assert.Equal(["contacten", "loverboys", "melden"], result.Passages.Select(p => p.DocumentId).Distinct().Order());
        Assert.Empty(result.Problems);
        Assert.Contains("pooierboy", result.SynonymsText, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenFiles_AreSkippedByNameAndTheRestIsRead()
    {
        using var folder = new TempFolder();
        folder.CopyFrom(FixturePaths.Knowledge);
        folder.Write("04-kapot.pdf", "dit is geen pdf, geheime inhoud");
        folder.Write("05-kapot.md", "---\ntitle: [geheime inhoud\n---\n\n## Kop\n\nTekst.\n");
        File.WriteAllBytes(Path.Combine(folder.Path, "06-goed.pdf"), PdfPassageReaderTests.BuildPdf(["Het Coördinatiecentrum Mensenhandel."]));
        var logger = new ListLogger();

        var result = KnowledgeFolderReader.Read(folder.Path, logger);

        Assert.Equal(["04-kapot.pdf", "05-kapot.md"], result.Problems.Select(p => p.FileName));
        Assert.Contains(result.Passages, p => p.DocumentId == "06-goed" && p.Page == 1);
        Assert.Contains(result.Passages, p => p.DocumentId == "loverboys");
        var warnings = logger.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Contains("04-kapot.pdf", StringComparison.Ordinal) && w.Contains("not a readable PDF", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Contains("05-kapot.md", StringComparison.Ordinal) && w.Contains("invalid front matter", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Contains("geheime", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_MissingFolder_Throws()
    {
        Assert.Throws<DirectoryNotFoundException>(() => KnowledgeFolderReader.Read("/nonexistent/knowledge", new ListLogger()));
    }
}

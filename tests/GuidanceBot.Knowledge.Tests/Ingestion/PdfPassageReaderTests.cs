using GuidanceBot.Knowledge.Ingestion;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace GuidanceBot.Knowledge.Tests.Ingestion;

public class PdfPassageReaderTests
{
    // Standard14 fonts cannot write diacritics (ö throws): the test PDF needs a TrueType font.
    // Debian: apt-get install fonts-dejavu-core.
    private const string FontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    internal static byte[] BuildPdf(params string[][] pages)
    {
        Assert.True(File.Exists(FontPath), $"{FontPath} is missing: apt-get install fonts-dejavu-core");
        var builder = new PdfDocumentBuilder();
        var font = builder.AddTrueTypeFont(File.ReadAllBytes(FontPath));
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 780;
            foreach (var line in lines)
            {
                page.AddText(line, 11, new PdfPoint(40, y), font);
                y -= 16;
            }
        }

        return builder.Build();
    }

    [Fact]
    public void Read_Pdf_OnePassagePerPageWithPageNumbers()
    {
        var pdf = BuildPdf(
            ["Het Coördinatiecentrum Mensenhandel registreert slachtoffers."],
            ["Bel Veilig Thuis via 0800-2000."]);

        var passages = PdfPassageReader.Read("handreiking-comensha.pdf", pdf, null);

        Assert.Equal([1, 2], passages.Select(p => p.Page));
        Assert.Equal(["handreiking-comensha#p1", "handreiking-comensha#p2"], passages.Select(p => p.Id));
        Assert.Contains("Coördinatiecentrum", passages[0].Text, StringComparison.Ordinal);
        Assert.Equal("handreiking-comensha", passages[0].DocumentTitle);
        Assert.Empty(passages[0].SourceUrls);
    }

    [Fact]
    public void Read_Sidecar_SetsTitleSourceAndDate()
    {
        var pdf = BuildPdf(["Het Coördinatiecentrum Mensenhandel registreert slachtoffers."]);
        const string Sidecar = "title: Handreiking melden bij CoMensha\nsource: https://example.org/comensha.pdf\nchecked: 2024-11-30\n";

        var passage = Assert.Single(PdfPassageReader.Read("comensha.pdf", pdf, Sidecar));

        Assert.Equal("Handreiking melden bij CoMensha", passage.DocumentTitle);
        Assert.Equal(["https://example.org/comensha.pdf"], passage.SourceUrls);
        Assert.Equal(new DateOnly(2024, 11, 30), passage.Checked);
        Assert.Equal(1, Assert.Single(passage.Citations).Page);
    }

    [Fact]
    public void Read_LongPage_SplitsIntoNumberedPassages()
    {
        var sentence = "Een professional bespreekt de signalen van mensenhandel altijd met een collega.";
        var pdf = BuildPdf([.. Enumerable.Repeat(sentence, 40)]);

        var passages = PdfPassageReader.Read("lang.pdf", pdf, null);

        Assert.True(passages.Count > 1);
        Assert.Equal("lang#p1-1", passages[0].Id);
        Assert.All(passages, p => Assert.Equal(1, p.Page));
    }

    [Fact]
    public void Read_InvalidBytes_ThrowsFormatError()
    {
        var error = Assert.Throws<KnowledgeFormatException>(() => PdfPassageReader.Read("kapot.pdf", "geen pdf"u8.ToArray(), null));

        Assert.StartsWith("not a readable PDF", error.Message, StringComparison.Ordinal);
    }
}

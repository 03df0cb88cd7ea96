using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace GuidanceBot.Knowledge.Ingestion;

/// <summary>
/// Turns a PDF into passages, one per page (long pages split at paragraph or sentence boundaries),
/// cited with the page number. Citation metadata comes from an optional sidecar
/// <c>&lt;file&gt;.pdf.yml</c> (<c>title</c>, <c>source</c>, <c>checked</c>).
/// </summary>
internal static partial class PdfPassageReader
{
    /// <summary>Pages longer than this are split into passages of about <see cref="TargetLength"/>.</summary>
    internal const int MaxPageLength = 1600;

    private const int TargetLength = 1000;

    private static readonly IDeserializer Yaml = new DeserializerBuilder().IgnoreUnmatchedProperties().Build();

    /// <summary>Reads the passages of one PDF; throws <see cref="KnowledgeFormatException"/> when it is unusable.</summary>
    public static IReadOnlyList<Passage> Read(string fileName, byte[] pdf, string? sidecarYaml)
    {
        var meta = ReadSidecar(sidecarYaml);
        var fileId = TextNormalizer.Slug(Path.GetFileNameWithoutExtension(fileName));
        var title = string.IsNullOrWhiteSpace(meta.Title) ? Path.GetFileNameWithoutExtension(fileName) : meta.Title.Trim();
        IReadOnlyList<string> sources = string.IsNullOrWhiteSpace(meta.Source) ? [] : [meta.Source.Trim()];
        DateOnly? checkedDate = DateOnly.TryParseExact(meta.Checked?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

        var passages = new List<Passage>();
        try
        {
            using var document = PdfDocument.Open(pdf);
            foreach (var page in document.GetPages())
            {
                var text = CleanPageText(ContentOrderTextExtractor.GetText(page));
                if (text.Length == 0)
                {
                    continue;
                }

                var parts = SplitPage(text);
                for (var n = 0; n < parts.Count; n++)
                {
                    var id = parts.Count == 1 ? $"{fileId}#p{page.Number}" : $"{fileId}#p{page.Number}-{n + 1}";
                    passages.Add(new Passage(id, fileId, title, [], parts[n], sources, page.Number, checkedDate));
                }
            }
        }
        catch (Exception e) when (e is not KnowledgeFormatException)
        {
            throw new KnowledgeFormatException($"not a readable PDF ({e.GetType().Name})");
        }

        return passages;
    }

    private static SidecarMeta ReadSidecar(string? yaml)
    {
        if (string.IsNullOrWhiteSpace(yaml))
        {
            return new SidecarMeta();
        }

        try
        {
            return Yaml.Deserialize<SidecarMeta>(yaml) ?? new SidecarMeta();
        }
        catch (YamlException e)
        {
            throw new KnowledgeFormatException($"invalid .pdf.yml sidecar (YAML error at line {e.Start.Line + 1})");
        }
    }

    /// <summary>Joins the extracted lines into paragraphs (blank lines separate them) and repairs hyphenation.</summary>
    internal static string CleanPageText(string raw)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var rawLine in raw.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = Whitespace().Replace(rawLine, " ").Trim();
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (current.Length > 0)
            {
                if (current[^1] == '-' && current.Length > 1 && char.IsLower(current[^2]) && char.IsLower(line[0]))
                {
                    current.Length--;
                }
                else
                {
                    current.Append(' ');
                }
            }

            current.Append(line);
        }

        Flush();
        return string.Join('\n', paragraphs).Normalize(NormalizationForm.FormC);

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(current.ToString());
                current.Clear();
            }
        }
    }

    /// <summary>Splits a long page into parts of about <see cref="TargetLength"/> at sentence boundaries.</summary>
    internal static IReadOnlyList<string> SplitPage(string text)
    {
        if (text.Length <= MaxPageLength)
        {
            return [text];
        }

        var parts = new List<string>();
        var current = new StringBuilder();
        foreach (var sentence in SentenceEnd().Split(text))
        {
            if (current.Length > 0 && current.Length + sentence.Length > TargetLength)
            {
                parts.Add(current.ToString().Trim());
                current.Clear();
            }

            current.Append(sentence).Append(' ');
        }

        if (current.ToString().Trim() is { Length: > 0 } rest)
        {
            parts.Add(rest);
        }

        return parts;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n")]
    private static partial Regex SentenceEnd();

    private sealed class SidecarMeta
    {
        [YamlMember(Alias = "title")]
        public string? Title { get; set; }

        [YamlMember(Alias = "source")]
        public string? Source { get; set; }

        [YamlMember(Alias = "checked")]
        public string? Checked { get; set; }
    }
}

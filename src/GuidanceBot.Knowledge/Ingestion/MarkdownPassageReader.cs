using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace GuidanceBot.Knowledge.Ingestion;

/// <summary>
/// Turns one knowledge Markdown file (YAML front matter, <c>##</c>/<c>###</c> sections, each ending
/// in a <c>Bron:</c> line) into passages. See <c>knowledge/README.md</c> for the format.
/// </summary>
internal static partial class MarkdownPassageReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UsePipeTables()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Reads the passages of one file; throws <see cref="KnowledgeFormatException"/> when it is unusable.</summary>
    public static IReadOnlyList<Passage> Read(string fileName, string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var frontMatter = ReadFrontMatter(document, markdown);
        var documentId = string.IsNullOrWhiteSpace(frontMatter.Id)
            ? TextNormalizer.Slug(Path.GetFileNameWithoutExtension(fileName))
            : frontMatter.Id.Trim();
        var title = frontMatter.Title!.Trim();
        var checkedDate = ParseDate(frontMatter.Checked);
        var fallbackSources = (frontMatter.Sources ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToList();

        var frontMatterBlock = document.OfType<YamlFrontMatterBlock>().First();
        var bodyStart = markdown.AsSpan(0, Math.Min(frontMatterBlock.Span.End, markdown.Length)).Count('\n') + 1;
        var headings = document.Descendants<HeadingBlock>()
            .Where(h => h.Level <= 3)
            .OrderBy(h => h.Line)
            .ToList();

        var passages = new List<Passage>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal);
        string? level2 = null;
        var sectionStart = bodyStart;
        IReadOnlyList<string> path = [];
        for (var i = 0; i <= headings.Count; i++)
        {
            var sectionEnd = i < headings.Count ? headings[i].Line : lines.Length;
            AddPassage(lines[Math.Min(sectionStart, sectionEnd)..sectionEnd], path);
            if (i == headings.Count)
            {
                break;
            }

            var heading = HeadingText(lines[headings[i].Line]);
            if (headings[i].Level <= 2)
            {
                level2 = heading;
                path = [heading];
            }
            else
            {
                path = level2 is null ? [heading] : [level2, heading];
            }

            sectionStart = headings[i].Line + 1;
        }

        return passages;

        void AddPassage(string[] sectionLines, IReadOnlyList<string> headingPath)
        {
            var (text, urls) = CleanSection(sectionLines);
            if (text.Length == 0)
            {
                return;
            }

            var slug = headingPath.Count == 0 ? "intro" : string.Join('/', headingPath.Select(TextNormalizer.Slug));
            var id = $"{documentId}#{slug}";
            for (var n = 2; !usedIds.Add(id); n++)
            {
                id = $"{documentId}#{slug}-{n}";
            }

            passages.Add(new Passage(id, documentId, title, headingPath, text, urls.Count > 0 ? urls : fallbackSources, null, checkedDate));
        }
    }

    private static FrontMatter ReadFrontMatter(MarkdownDocument document, string markdown)
    {
        var block = document.OfType<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new KnowledgeFormatException("no YAML front matter (--- ... --- at the top)");
        var yaml = markdown.Substring(block.Span.Start, block.Span.Length);
        var yamlLines = yaml.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Where(l => l.Trim() is not ("---" or "..."));

        FrontMatter? frontMatter;
        try
        {
            frontMatter = Yaml.Deserialize<FrontMatter>(string.Join('\n', yamlLines));
        }
        catch (YamlException e)
        {
            throw new KnowledgeFormatException(
                $"invalid front matter (YAML error at line {e.Start.Line + 1}, column {e.Start.Column})");
        }

        if (frontMatter is null || string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            throw new KnowledgeFormatException("front matter has no title");
        }

        if (frontMatter.Checked is not null && ParseDate(frontMatter.Checked) is null)
        {
            throw new KnowledgeFormatException("front matter 'checked' is not a YYYY-MM-DD date");
        }

        return frontMatter;
    }

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;

    private static string HeadingText(string line) => InlineMarkup(line.TrimStart().TrimStart('#').Trim().TrimEnd('#').Trim());

    /// <summary>
    /// Plain passage text from the section's source lines: the Bron line becomes citation metadata,
    /// table rows become cells joined with " | ", soft-wrapped lines are joined, emphasis is removed.
    /// </summary>
    internal static (string Text, List<string> Urls) CleanSection(IEnumerable<string> sectionLines)
    {
        var urls = new List<string>();
        var output = new List<string>();
        var paragraphOpen = false;
        foreach (var raw in sectionLines)
        {
            var line = raw.Trim();
            var bron = BronLine().Match(line);
            if (bron.Success)
            {
                urls.AddRange(Url().Matches(bron.Groups[1].Value).Select(m => m.Value.TrimEnd('.', ';')));
                paragraphOpen = false;
                continue;
            }

            if (line.Length == 0)
            {
                paragraphOpen = false;
                continue;
            }

            if (line.StartsWith('|'))
            {
                if (!TableSeparator().IsMatch(line))
                {
                    var cells = line.Trim('|').Split('|').Select(c => InlineMarkup(c.Trim())).Where(c => c.Length > 0);
                    output.Add(string.Join(" | ", cells));
                }

                paragraphOpen = false;
                continue;
            }

            var bullet = Bullet().Match(line);
            if (bullet.Success)
            {
                output.Add(bullet.Groups[1].Value.Length > 1 ? $"{bullet.Groups[1].Value} {InlineMarkup(bullet.Groups[2].Value)}" : "- " + InlineMarkup(bullet.Groups[2].Value));
                paragraphOpen = true;
                continue;
            }

            if (line.StartsWith('#'))
            {
                line = line.TrimStart('#').Trim();
            }

            if (paragraphOpen && output.Count > 0)
            {
                output[^1] += " " + InlineMarkup(line);
            }
            else
            {
                output.Add(InlineMarkup(line));
                paragraphOpen = true;
            }
        }

        return (string.Join('\n', output).Normalize(NormalizationForm.FormC).Trim(), urls.Distinct(StringComparer.Ordinal).ToList());
    }

    private static string InlineMarkup(string text)
    {
        text = Link().Replace(text, m => m.Groups[1].Value == m.Groups[2].Value ? m.Groups[2].Value : $"{m.Groups[1].Value} ({m.Groups[2].Value})");
        text = AutoLink().Replace(text, "$1");
        return text.Replace("**", string.Empty, StringComparison.Ordinal)
            .Replace("__", string.Empty, StringComparison.Ordinal)
            .Replace("`", string.Empty, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\*{0,2}Bron(?:nen)?\*{0,2}\s*:\*{0,2}\s*(.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex BronLine();

    [GeneratedRegex(@"https?://[^\s,<>()\[\]]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"^\|?[\s:\-|]+\|?$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"^([-*+]|\d+[.)])\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\[([^\]]+)\]\(([^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<(https?://[^>\s]+)>")]
    private static partial Regex AutoLink();

    private sealed class FrontMatter
    {
        [YamlMember(Alias = "id")]
        public string? Id { get; set; }

        [YamlMember(Alias = "title")]
        public string? Title { get; set; }

        [YamlMember(Alias = "theme")]
        public string? Theme { get; set; }

        [YamlMember(Alias = "audience")]
        public List<string>? Audience { get; set; }

        [YamlMember(Alias = "sources")]
        public List<string>? Sources { get; set; }

        [YamlMember(Alias = "checked")]
        public string? Checked { get; set; }
    }
}

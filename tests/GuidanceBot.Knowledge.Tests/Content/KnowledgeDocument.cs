using System.Text.RegularExpressions;

namespace GuidanceBot.Knowledge.Tests.Content;

/// <summary>
/// One Markdown document of <c>knowledge/</c>, parsed the way the content rules describe it:
/// YAML front matter between <c>---</c> lines, then <c>##</c>/<c>###</c> sections. Written for the
/// content tests on purpose, independent of the indexer in <c>src/GuidanceBot.Knowledge</c>.
/// </summary>
internal sealed partial record KnowledgeDocument(
    string FileName,
    string? FrontMatterYaml,
    IReadOnlyList<string> Preamble,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<string> BodyLines)
{
    /// <summary>The sections that have text of their own: the passages the indexer will make.</summary>
    public IEnumerable<Section> Passages => Sections.Where(s => s.IsPassage);

    public static KnowledgeDocument Load(string path)
    {
        var lines = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var (frontMatter, bodyStart) = SplitFrontMatter(lines);
        var body = lines[bodyStart..];

        var preamble = new List<string>();
        var sections = new List<(int Level, string Heading, List<string> Lines)>();
        foreach (var line in body)
        {
            var heading = HeadingPattern().Match(line);
            if (heading.Success)
            {
                sections.Add((heading.Groups[1].Length, heading.Groups[2].Value.Trim(), []));
            }
            else if (sections.Count == 0)
            {
                preamble.Add(line);
            }
            else
            {
                sections[^1].Lines.Add(line);
            }
        }

        return new KnowledgeDocument(
            Path.GetFileName(path),
            frontMatter,
            preamble.Where(l => !string.IsNullOrWhiteSpace(l)).ToList(),
            sections.Select(s => new Section(s.Level, s.Heading, s.Lines)).ToList(),
            body);
    }

    private static (string? FrontMatter, int BodyStart) SplitFrontMatter(string[] lines)
    {
        if (lines.Length == 0 || lines[0].TrimEnd() != "---")
        {
            return (null, 0);
        }

        for (var i = 1; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() == "---")
            {
                return (string.Join('\n', lines[1..i]), i + 1);
            }
        }

        return (null, 0);
    }

    [GeneratedRegex(@"^(#{1,6})\s+(.*)$")]
    private static partial Regex HeadingPattern();
}

/// <summary>A heading and the lines directly under it, up to the next heading of any level.</summary>
internal sealed partial record Section(int Level, string Heading, IReadOnlyList<string> Lines)
{
    private const string BronPrefix = "Bron:";

    public bool IsPassage => Lines.Any(l => !string.IsNullOrWhiteSpace(l));

    /// <summary>The lines that start with <c>Bron:</c>.</summary>
    public IReadOnlyList<string> BronLines =>
        Lines.Where(l => l.TrimStart().StartsWith(BronPrefix, StringComparison.Ordinal)).ToList();

    /// <summary>The URLs named on the Bron line(s), in order.</summary>
    public IReadOnlyList<string> BronUrls =>
        BronLines
            .SelectMany(l => l.Trim()[BronPrefix.Length..].Split(','))
            .Select(u => u.Trim())
            .Where(u => u.Length > 0)
            .ToList();

    /// <summary>The passage text without the Bron line.</summary>
    public string Text =>
        string.Join('\n', Lines.Where(l => !l.TrimStart().StartsWith(BronPrefix, StringComparison.Ordinal)));

    /// <summary>Whether the last non-blank line is the Bron line.</summary>
    public bool EndsWithBronLine =>
        Lines.LastOrDefault(l => !string.IsNullOrWhiteSpace(l))?.TrimStart()
            .StartsWith(BronPrefix, StringComparison.Ordinal) == true;

    /// <summary>Words of the text without the Bron line: tokens holding a letter or a digit.</summary>
    public int WordCount => WhitespacePattern().Split(Text).Count(t => t.Any(char.IsLetterOrDigit));

    /// <summary>Heading plus text, lower-cased, without bold markers, whitespace collapsed: what a search can match.</summary>
    public string SearchableText =>
        WhitespacePattern()
            .Replace($"{Heading} {Text}".Replace("**", string.Empty, StringComparison.Ordinal), " ")
            .ToLowerInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

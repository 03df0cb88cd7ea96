using System.Text.RegularExpressions;

namespace GuidanceBot.Knowledge.Tests.Content;

public sealed partial class PassageTests
{
    private const int MinWords = 30;
    private const int MaxWords = 250;

    public static TheoryData<string> Documents => KnowledgeCorpus.DocumentFileNames;

    [Theory]
    [MemberData(nameof(Documents))]
    public void Body_EachDocument_HasOnlyPassageSectionsAndSimpleMarkdown(string fileName)
    {
        var document = KnowledgeCorpus.Document(fileName);
        var isContacts = KnowledgeCorpus.FrontMatterOf(document).Id == KnowledgeCorpus.ContactsId;

        var problems = new List<string>();
        if (document.Preamble.Count > 0)
        {
            problems.Add("text before the first ## heading: " + document.Preamble[0]);
        }

        for (var i = 0; i < document.Sections.Count; i++)
        {
            var section = document.Sections[i];
            if (section.Level is not (2 or 3))
            {
                problems.Add($"heading level {section.Level} ('{section.Heading}'): only ## and ### are allowed");
            }

            var next = i + 1 < document.Sections.Count ? document.Sections[i + 1] : null;
            if (!section.IsPassage && (section.Level != 2 || next is not { Level: 3 }))
            {
                problems.Add($"'{section.Heading}' has no text and groups no ### sections");
            }
        }

        foreach (var line in document.BodyLines)
        {
            if (line.Contains('<', StringComparison.Ordinal) || line.Contains("![", StringComparison.Ordinal))
            {
                problems.Add("HTML or image: " + line);
            }

            if (!isContacts && line.TrimStart().StartsWith('|'))
            {
                problems.Add("table outside the contacts document: " + line);
            }

            if (OtherListPattern().IsMatch(line) || MarkdownLinkPattern().IsMatch(line))
            {
                problems.Add("only '-' bullets and no Markdown links: " + line);
            }
        }

        Assert.True(problems.Count == 0, $"{fileName}: " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Passages_EachDocument_EndWithOneBronLineOfListedSources(string fileName)
    {
        var document = KnowledgeCorpus.Document(fileName);
        var sources = KnowledgeCorpus.FrontMatterOf(document).Sources ?? [];

        var problems = new List<string>();
        foreach (var passage in document.Passages)
        {
            if (passage.BronLines.Count != 1 || !passage.EndsWithBronLine)
            {
                problems.Add($"'{passage.Heading}' has {passage.BronLines.Count} Bron lines (needs exactly one, as its last line)");
            }

            foreach (var url in passage.BronUrls)
            {
                if (!url.StartsWith("http", StringComparison.Ordinal) || url.Contains(' ', StringComparison.Ordinal) || url.Contains('[', StringComparison.Ordinal))
                {
                    problems.Add($"'{passage.Heading}' cites '{url}': not a plain URL");
                }
                else if (!KnowledgeCorpus.FactsUrls.Contains(url))
                {
                    problems.Add($"'{passage.Heading}' cites {url}, which FACTS.md does not");
                }
                else if (!sources.Contains(url))
                {
                    problems.Add($"'{passage.Heading}' cites {url}, which is not in the document's sources");
                }
            }
        }

        var cited = document.Passages.SelectMany(p => p.BronUrls).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(sources.Where(s => !cited.Contains(s)).Select(s => $"source {s} is never cited on a Bron line"));

        Assert.True(problems.Count == 0, $"{fileName}: " + string.Join("; ", problems));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Passages_EachDocument_Have30To250Words(string fileName)
    {
        var document = KnowledgeCorpus.Document(fileName);

        var offending = document.Passages
            .Where(p => p.WordCount is < MinWords or > MaxWords)
            .Select(p => $"'{p.Heading}' ({p.WordCount} words)")
            .ToList();

        Assert.True(offending.Count == 0, $"{fileName}: passages outside {MinWords}–{MaxWords} words: " + string.Join(", ", offending));
    }

    [GeneratedRegex(@"^\s*(\d+[.)]|[*+])\s")]
    private static partial Regex OtherListPattern();

    [GeneratedRegex(@"\]\(")]
    private static partial Regex MarkdownLinkPattern();
}

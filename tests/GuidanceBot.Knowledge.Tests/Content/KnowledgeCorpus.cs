using System.Text.RegularExpressions;
using GuidanceBot.Testing;

namespace GuidanceBot.Knowledge.Tests.Content;

/// <summary>The Markdown documents in <c>knowledge/</c> and the facts sheet they must cite.</summary>
internal static partial class KnowledgeCorpus
{
    public const string ContactsId = "contacten";

    private static readonly Lazy<IReadOnlyList<KnowledgeDocument>> LazyDocuments = new(
        () => DocumentPaths().Select(KnowledgeDocument.Load).ToList());

    private static readonly Lazy<IReadOnlySet<string>> LazyFactsUrls = new(
        () => UrlPattern()
            .Matches(File.ReadAllText(RepoPaths.SharedFile("domain", "FACTS.md")))
            .Select(m => m.Value)
            .ToHashSet(StringComparer.Ordinal));

    /// <summary>Every knowledge document (<c>NN-slug.md</c>), in file name order.</summary>
    public static IReadOnlyList<KnowledgeDocument> Documents => LazyDocuments.Value;

    /// <summary>Every URL cited in FACTS.md.</summary>
    public static IReadOnlySet<string> FactsUrls => LazyFactsUrls.Value;

    /// <summary>Document file names, one theory row each, so a failure names its document.</summary>
    public static TheoryData<string> DocumentFileNames => [.. Documents.Select(d => d.FileName)];

    public static KnowledgeDocument Document(string fileName) => Documents.Single(d => d.FileName == fileName);

    public static FrontMatter FrontMatterOf(KnowledgeDocument document) =>
        document.FrontMatterYaml is null ? new FrontMatter() : FrontMatter.Parse(document.FrontMatterYaml);

    public static KnowledgeDocument Contacts() =>
        Documents.Single(d => FrontMatterOf(d).Id == ContactsId);

    /// <summary>All Markdown files in <c>knowledge/</c>, including the README.</summary>
    public static IEnumerable<string> AllMarkdownFiles() =>
        Directory.EnumerateFiles(RepoPaths.Knowledge, "*.md").Order(StringComparer.Ordinal);

    public static bool IsDocumentFileName(string fileName) => DocumentFileNamePattern().IsMatch(fileName);

    private static IEnumerable<string> DocumentPaths() =>
        AllMarkdownFiles().Where(p => IsDocumentFileName(Path.GetFileName(p)));

    [GeneratedRegex(@"^\d{2}-[a-z0-9]+(-[a-z0-9]+)*\.md$")]
    private static partial Regex DocumentFileNamePattern();

    [GeneratedRegex(@"https?://[^\s\]\[]+")]
    private static partial Regex UrlPattern();
}

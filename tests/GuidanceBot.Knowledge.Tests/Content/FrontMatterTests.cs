using System.Globalization;
using System.Text.RegularExpressions;
using GuidanceBot.Testing;

namespace GuidanceBot.Knowledge.Tests.Content;

public sealed partial class FrontMatterTests
{
    public static TheoryData<string> Documents => KnowledgeCorpus.DocumentFileNames;

    [Fact]
    public void KnowledgeFolder_MarkdownFiles_AreReadmeOrNumberedDocuments()
    {
        var strays = KnowledgeCorpus.AllMarkdownFiles()
            .Select(p => Path.GetFileName(p))
            .Where(n => n != "README.md" && !KnowledgeCorpus.IsDocumentFileName(n))
            .ToList();

        Assert.True(File.Exists(Path.Combine(RepoPaths.Knowledge, "README.md")), "knowledge/README.md is missing");
        Assert.True(KnowledgeCorpus.Documents.Count >= 11, $"Expected at least 11 documents, found {KnowledgeCorpus.Documents.Count}");
        Assert.True(strays.Count == 0, "Not named NN-slug.md: " + string.Join(", ", strays));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void FrontMatter_EachDocument_HasSixValidKeys(string fileName)
    {
        var document = KnowledgeCorpus.Document(fileName);

        var problems = Validate(document).ToList();

        Assert.True(problems.Count == 0, $"{fileName}: " + string.Join("; ", problems));
    }

    [Fact]
    public void Id_AcrossDocuments_IsUnique()
    {
        var ids = KnowledgeCorpus.Documents.Select(d => KnowledgeCorpus.FrontMatterOf(d).Id).ToList();

        var duplicates = ids.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.True(duplicates.Count == 0, "Duplicate ids: " + string.Join(", ", duplicates));
    }

    private static IEnumerable<string> Validate(KnowledgeDocument document)
    {
        if (document.FrontMatterYaml is null)
        {
            yield return "no front matter between --- lines at the top";
            yield break;
        }

        var frontMatter = KnowledgeCorpus.FrontMatterOf(document);
        if (frontMatter.Id is null || !SlugPattern().IsMatch(frontMatter.Id))
        {
            yield return $"id '{frontMatter.Id}' is missing or not a lower-case slug";
        }

        if (string.IsNullOrWhiteSpace(frontMatter.Title))
        {
            yield return "title is missing";
        }

        if (frontMatter.Theme is null || !WordPattern().IsMatch(frontMatter.Theme))
        {
            yield return $"theme '{frontMatter.Theme}' is missing or not one lower-case word";
        }

        if (frontMatter.Audience is not { Count: > 0 } || frontMatter.Audience.Any(a => !SlugPattern().IsMatch(a)))
        {
            yield return "audience must be a non-empty list of lower-case slugs";
        }

        if (!DateOnly.TryParseExact(frontMatter.Checked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            yield return $"checked '{frontMatter.Checked}' is not a YYYY-MM-DD date";
        }

        if (frontMatter.Sources is not { Count: > 0 })
        {
            yield return "sources must be a non-empty list";
            yield break;
        }

        foreach (var source in frontMatter.Sources)
        {
            // FACTS.md cites some pages only over http; the rule is "the URL FACTS.md gives", so
            // http is accepted rather than rewritten to an https address nobody checked.
            if (!Uri.TryCreate(source, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                yield return $"source '{source}' is not an absolute http(s) URL";
            }
            else if (!KnowledgeCorpus.FactsUrls.Contains(source))
            {
                yield return $"source '{source}' does not appear in FACTS.md";
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex(@"^[a-z0-9]+$")]
    private static partial Regex WordPattern();
}

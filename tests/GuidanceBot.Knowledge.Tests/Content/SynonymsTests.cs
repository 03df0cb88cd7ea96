using GuidanceBot.Testing;

namespace GuidanceBot.Knowledge.Tests.Content;

public sealed class SynonymsTests
{
    private static readonly Lazy<IReadOnlyList<(int LineNumber, string[] Terms)>> LazyRules = new(LoadRules);

    private static IReadOnlyList<(int LineNumber, string[] Terms)> Rules => LazyRules.Value;

    [Fact]
    public void Synonyms_EveryRule_HasTwoOrMoreLowerCaseTerms()
    {
        var bad = Rules
            .Where(r => r.Terms.Length < 2 || r.Terms.Any(t => t.Length == 0 || t.Any(char.IsUpper) || t.Contains("=>", StringComparison.Ordinal)))
            .Select(r => $"line {r.LineNumber}: {string.Join(", ", r.Terms)}")
            .ToList();

        Assert.NotEmpty(Rules);
        Assert.True(bad.Count == 0, "Rules that are not ≥2 comma-separated lower-case terms: " + string.Join("; ", bad));
    }

    [Fact]
    public void Synonyms_EachTerm_IsInOneRuleOnly()
    {
        var duplicates = Rules
            .SelectMany(r => r.Terms)
            .GroupBy(t => t, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key)
            .ToList();

        Assert.True(duplicates.Count == 0, "Terms in more than one rule: " + string.Join(", ", duplicates));
    }

    [Theory]
    [InlineData("loverboy", "pooierboy")]
    [InlineData("loverboy", "mensenhandelaar")]
    [InlineData("vt", "veilig thuis")]
    [InlineData("om", "openbaar ministerie")]
    [InlineData("lvb", "licht verstandelijke beperking")]
    [InlineData("zoco", "zorgcoördinator")]
    [InlineData("comensha", "coördinatiecentrum tegen mensenhandel")]
    public void Synonyms_RequiredPair_SharesOneRule(string term, string equivalent)
    {
        var shared = Rules.Any(r => r.Terms.Contains(term) && r.Terms.Contains(equivalent));

        Assert.True(shared, $"'{term}' and '{equivalent}' are not on one line of synonyms.txt");
    }

    private static List<(int LineNumber, string[] Terms)> LoadRules() =>
        File.ReadAllLines(Path.Combine(RepoPaths.Knowledge, "synonyms.txt"))
            .Select((line, index) => (LineNumber: index + 1, Line: line.Trim()))
            .Where(l => l.Line.Length > 0 && !l.Line.StartsWith('#'))
            .Select(l => (l.LineNumber, l.Line.Split(',').Select(t => t.Trim()).ToArray()))
            .ToList();
}

using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GuidanceBot.Knowledge.Search;

/// <summary>The analyzed terms of one query position: the word plus its synonyms, compound parts and typo corrections.</summary>
internal sealed class QueryGroup
{
    public List<string> Terms { get; } = [];

    public HashSet<string> FuzzyTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Weight of the group in the confidence rule: the IDF of its rarest known term relative to the IDF of an unknown word (0–1).</summary>
    public double Weight { get; set; }
}

/// <summary>Turns analyzed text into query positions.</summary>
internal static class QueryTerms
{
    /// <summary>Terms grouped by position: a token with position increment 0 joins the previous group.</summary>
    public static List<QueryGroup> Groups(Analyzer analyzer, string field, string text)
    {
        var groups = new List<QueryGroup>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (position.PositionIncrement > 0 || groups.Count == 0)
            {
                groups.Add(new QueryGroup());
            }

            var value = term.ToString();
            if (!groups[^1].Terms.Contains(value))
            {
                groups[^1].Terms.Add(value);
            }
        }

        stream.End();
        return groups;
    }

    /// <summary>The first (original) term of each position, in order: the words phrases are made of.</summary>
    public static List<string> Originals(Analyzer analyzer, string field, string text) =>
        [.. Groups(analyzer, field, text).Select(g => g.Terms[0])];
}

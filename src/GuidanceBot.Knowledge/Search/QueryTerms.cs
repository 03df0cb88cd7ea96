using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GuidanceBot.Knowledge.Search;

/// <summary>
/// The analyzed terms of one word (or multi-word synonym span) of the question: the word itself plus
/// its synonyms, compound parts and typo corrections. They stand for one concept of the question.
/// </summary>
internal sealed class QueryGroup
{
    /// <summary>The word as indexed (stemmed, no synonyms), or null when only synonyms start here.</summary>
    public string? Original { get; init; }

    public List<string> Terms { get; } = [];

    public HashSet<string> FuzzyTerms { get; } = new(StringComparer.Ordinal);

    /// <summary>Weight in the confidence rule: the word's IDF relative to the IDF of an unknown word (0–1).</summary>
    public double Weight { get; set; }
}

/// <summary>One analysed word of a question: where it stands, its term, and whether it starts a new position.</summary>
internal readonly record struct QuestionToken(int Start, int End, string Term, bool NewPosition);

/// <summary>Turns a question into concepts (<see cref="QueryGroup"/>) and phrase words.</summary>
internal static class QueryTerms
{
    /// <summary>
    /// Groups the query analyzer's terms by the question text they came from: a synonym covers the
    /// text it replaced, so "comensha" → "coördinatiecentrum tegen mensenhandel" and "tel nr" →
    /// "telefoonnummer" each stay one concept instead of adding words the passage would also need.
    /// </summary>
    /// <param name="queryAnalyzer">The analyzer with synonyms.</param>
    /// <param name="indexTokens">The question as the index analyzer reads it (see <see cref="Tokens"/>).</param>
    /// <param name="field">The field whose analysis is used.</param>
    /// <param name="text">The question.</param>
    public static List<QueryGroup> Groups(Analyzer queryAnalyzer, IReadOnlyList<QuestionToken> indexTokens, string field, string text)
    {
        var originals = new Dictionary<int, string>();
        foreach (var token in indexTokens)
        {
            originals.TryAdd(token.Start, token.Term);
        }

        var groups = new List<(int Start, int End, QueryGroup Group)>();
        foreach (var token in Tokens(queryAnalyzer, field, text).OrderBy(t => t.Start))
        {
            var index = groups.FindIndex(g => g.Start == token.Start || (g.Start < token.Start && token.Start < g.End));
            if (index < 0)
            {
                groups.Add((token.Start, token.End, new QueryGroup { Original = originals.GetValueOrDefault(token.Start) }));
                index = groups.Count - 1;
            }
            else if (token.End > groups[index].End)
            {
                groups[index] = groups[index] with { End = token.End };
            }

            if (!groups[index].Group.Terms.Contains(token.Term))
            {
                groups[index].Group.Terms.Add(token.Term);
            }
        }

        return [.. groups.Select(g => g.Group)];
    }

    /// <summary>The first term at each position, in order: the words proximity phrases are made of.</summary>
    public static List<string> Originals(IReadOnlyList<QuestionToken> indexTokens) =>
        [.. indexTokens.Where(t => t.NewPosition).Select(t => t.Term)];

    /// <summary>The question as <paramref name="analyzer"/> reads it; the index analyzer's reading is made once and serves groups and phrases.</summary>
    public static List<QuestionToken> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<QuestionToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var position = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(new QuestionToken(offset.StartOffset, offset.EndOffset, term.ToString(), position.PositionIncrement > 0 || tokens.Count == 0));
        }

        stream.End();
        return tokens;
    }
}

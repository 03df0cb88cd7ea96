using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GuidanceBot.Knowledge.Search;

/// <summary>One analyzed word of a passage's text: its indexed term and where it stands in the text.</summary>
internal readonly record struct AnalyzedToken(string Term, int Start, int End);

/// <summary>
/// What the index analyzer makes of one passage: the body's terms with their offsets (for highlighting),
/// the sentence boundaries of the body (for the snippet window) and the terms of each searched field
/// (for the confidence rule). A passage's text never changes within a snapshot, so this is computed once,
/// the first time the passage is a hit, instead of re-analysing the text and seeking the index for every
/// query — measured, that per-query work was about half of a search.
/// </summary>
internal sealed partial class PassageAnalysis
{
    private readonly Dictionary<string, HashSet<string>> _fieldTerms;

    private PassageAnalysis(IReadOnlyList<AnalyzedToken> bodyTokens, IReadOnlyList<int> sentenceBoundaries, Dictionary<string, HashSet<string>> fieldTerms)
    {
        BodyTokens = bodyTokens;
        SentenceBoundaries = sentenceBoundaries;
        _fieldTerms = fieldTerms;
    }

    /// <summary>The body's tokens in text order (a split compound gives more than one token at the same offsets).</summary>
    public IReadOnlyList<AnalyzedToken> BodyTokens { get; }

    /// <summary>Where sentences (and lines) of the body start, from 0 up to and including the text's length.</summary>
    public IReadOnlyList<int> SentenceBoundaries { get; }

    /// <summary>Whether the field holds the term for this passage, exactly as the index has it.</summary>
    public bool Has(string field, string term) => _fieldTerms.TryGetValue(field, out var terms) && terms.Contains(term);

    /// <summary>
    /// Analyzes the fields the way the index writer did. <paramref name="fields"/> maps each field name to
    /// its text; the field named <paramref name="bodyField"/> also gives the tokens and sentence boundaries.
    /// </summary>
    public static PassageAnalysis Build(Analyzer analyzer, string bodyField, IReadOnlyDictionary<string, string> fields)
    {
        var fieldTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var bodyTokens = new List<AnalyzedToken>();
        foreach (var (field, text) in fields)
        {
            var terms = fieldTerms[field] = new HashSet<string>(StringComparer.Ordinal);
            using var stream = analyzer.GetTokenStream(field, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var value = term.ToString();
                terms.Add(value);
                if (field == bodyField)
                {
                    bodyTokens.Add(new AnalyzedToken(value, offset.StartOffset, offset.EndOffset));
                }
            }

            stream.End();
        }

        var body = fields.TryGetValue(bodyField, out var bodyText) ? bodyText : string.Empty;
        return new PassageAnalysis(bodyTokens, SentenceBoundariesOf(body), fieldTerms);
    }

    /// <summary>0, the start of every sentence or line, and the text's length.</summary>
    public static IReadOnlyList<int> SentenceBoundariesOf(string text)
    {
        var boundaries = new List<int> { 0 };
        boundaries.AddRange(SentenceStart().Matches(text).Select(m => m.Index + m.Length));
        boundaries.Add(text.Length);
        return boundaries;
    }

    [GeneratedRegex(@"(?<=[.!?:])\s+|\n")]
    private static partial Regex SentenceStart();
}

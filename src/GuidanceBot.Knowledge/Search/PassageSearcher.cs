using GuidanceBot.Knowledge.Indexing;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GuidanceBot.Knowledge.Search;

/// <summary>What the confidence rule saw for the best hit of one query (for calibration and tests).</summary>
/// <param name="Coverage">Matched weight divided by the question's total weight (0–1).</param>
/// <param name="MatchedWeight">
/// Sum of the weights of the question positions found in the best hit; a weight is the word's IDF
/// divided by the IDF of a word no passage has, so 1 means "one very rare word matched" in any corpus size.
/// </param>
/// <param name="TopScore">The raw BM25 score of the best hit.</param>
internal sealed record Confidence(double Coverage, double MatchedWeight, double TopScore)
{
    public static Confidence None { get; } = new(0, 0, 0);

    public bool IsAnswer(RankingSettings settings) =>
        Coverage >= settings.MinCoverage && MatchedWeight >= settings.MinMatchedWeight;
}

/// <summary>
/// Ranked search over one <see cref="IndexSnapshot"/>: BM25 over title, heading path and text with
/// field boosts, adjacent-word proximity, typo correction for unknown words, and the confidence rule
/// that decides between an answer and "no good answer".
/// </summary>
internal static class PassageSearcher
{
    /// <summary>Words shorter than this are never typo-corrected (too many near neighbours).</summary>
    private const int MinFuzzyLength = 5;

    private const int MaxFuzzyExpansions = 3;

    public static SearchResult Search(IndexSnapshot snapshot, string query, int maxHits, RankingSettings settings)
    {
        var (hits, confidence) = Rank(snapshot, query, maxHits, settings);
        if (hits.Count == 0 || !confidence.IsAnswer(settings))
        {
            return new SearchResult(query, false, []);
        }

        return new SearchResult(query, true, hits);
    }

    /// <summary>The ranked hits and the confidence of the best one, before the confidence rule is applied.</summary>
    internal static (IReadOnlyList<SearchHit> Hits, Confidence Confidence) Rank(IndexSnapshot snapshot, string query, int maxHits, RankingSettings settings)
    {
        if (string.IsNullOrWhiteSpace(query) || maxHits <= 0 || snapshot.Passages.Count == 0)
        {
            return ([], Confidence.None);
        }

        var groups = QueryTerms.Groups(snapshot.QueryAnalyzer, IndexSnapshot.BodyField, query);
        if (groups.Count == 0)
        {
            return ([], Confidence.None);
        }

        var reader = snapshot.Reader;
        var documentCount = reader.NumDocs;
        foreach (var group in groups)
        {
            var known = group.Terms.Select(t => (Term: t, Df: DocFreq(reader, t))).Where(t => t.Df > 0).ToList();
            if (known.Count == 0 && group.Terms[0].Length >= MinFuzzyLength)
            {
                foreach (var correction in Corrections(reader, group.Terms[0]))
                {
                    group.Terms.Add(correction);
                    group.FuzzyTerms.Add(correction);
                    known.Add((correction, DocFreq(reader, correction)));
                }
            }

            group.Weight = known.Count == 0 ? 1 : known.Max(t => Idf(t.Df, documentCount)) / Idf(0, documentCount);
            group.Terms.RemoveAll(t => !known.Exists(k => k.Term == t));
        }

        var booleanQuery = BuildQuery(groups, QueryTerms.Originals(snapshot.IndexAnalyzer, IndexSnapshot.BodyField, query), reader, settings);
        if (booleanQuery.Clauses.Count == 0)
        {
            return ([], Confidence.None);
        }

        var topDocs = snapshot.Searcher.Search(booleanQuery, maxHits);
        if (topDocs.ScoreDocs.Length == 0)
        {
            return ([], Confidence.None);
        }

        var confidence = ConfidenceOf(reader, topDocs.ScoreDocs[0], groups, settings);
        var queryTerms = groups.SelectMany(g => g.Terms).ToHashSet(StringComparer.Ordinal);
        var hits = topDocs.ScoreDocs
            .Select(d => snapshot.PassageOf(d.Doc) is var passage
                ? new SearchHit(passage, d.Score, SnippetBuilder.Build(snapshot.IndexAnalyzer, passage.Text, queryTerms))
                : null)
            .OfType<SearchHit>()
            .ToList();
        return (hits, confidence);
    }

    private static BooleanQuery BuildQuery(List<QueryGroup> groups, List<string> originals, IndexReader reader, RankingSettings settings)
    {
        var query = new BooleanQuery(disableCoord: true);
        (string Field, float Boost)[] fields =
        [
            (IndexSnapshot.TitleField, settings.TitleBoost),
            (IndexSnapshot.HeadingsField, settings.HeadingBoost),
            (IndexSnapshot.BodyField, settings.BodyBoost),
        ];
        foreach (var group in groups.Where(g => g.Terms.Count > 0))
        {
            var perField = new BooleanQuery(disableCoord: true);
            foreach (var (field, boost) in fields.Where(f => f.Boost > 0))
            {
                // One concept, one score: synonyms and corrections of a word compete (max) instead of adding up.
                var alternatives = new DisjunctionMaxQuery(0.1f);
                foreach (var term in group.Terms)
                {
                    alternatives.Add(new TermQuery(new Term(field, term))
                    {
                        Boost = group.FuzzyTerms.Contains(term) ? boost * settings.FuzzyWeight : boost,
                    });
                }

                perField.Add(alternatives, Occur.SHOULD);
            }

            query.Add(perField, Occur.SHOULD);
        }

        if (settings.PhraseBoost > 0)
        {
            for (var i = 0; i + 1 < originals.Count; i++)
            {
                if (originals[i] == originals[i + 1] || DocFreq(reader, originals[i]) == 0 || DocFreq(reader, originals[i + 1]) == 0)
                {
                    continue;
                }

                foreach (var field in new[] { IndexSnapshot.HeadingsField, IndexSnapshot.BodyField })
                {
                    var phrase = new PhraseQuery { Slop = settings.PhraseSlop, Boost = settings.PhraseBoost };
                    phrase.Add(new Term(field, originals[i]));
                    phrase.Add(new Term(field, originals[i + 1]));
                    query.Add(phrase, Occur.SHOULD);
                }
            }
        }

        return query;
    }

    private static Confidence ConfidenceOf(IndexReader reader, ScoreDoc top, List<QueryGroup> groups, RankingSettings settings)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(top.Doc, leaves)];
        var localDoc = top.Doc - leaf.DocBase;
        double total = 0;
        double matched = 0;
        foreach (var group in groups)
        {
            total += group.Weight;
            var best = 0.0;
            foreach (var term in group.Terms)
            {
                if (Contains(leaf.AtomicReader, localDoc, term))
                {
                    best = Math.Max(best, group.FuzzyTerms.Contains(term) ? settings.FuzzyWeight : 1.0);
                }
            }

            matched += best * group.Weight;
        }

        return new Confidence(total == 0 ? 0 : matched / total, matched, top.Score);
    }

    private static bool Contains(AtomicReader reader, int doc, string term)
    {
        foreach (var field in IndexSnapshot.SearchFields)
        {
            var docs = reader.GetTermDocsEnum(new Term(field, term));
            if (docs is not null && docs.Advance(doc) == doc)
            {
                return true;
            }
        }

        return false;
    }

    private static int DocFreq(IndexReader reader, string term)
    {
        var max = 0;
        foreach (var field in IndexSnapshot.SearchFields)
        {
            max = Math.Max(max, reader.DocFreq(new Term(field, term)));
        }

        return max;
    }

    /// <summary>BM25's IDF: rare words weigh more; a word the index does not have weighs most.</summary>
    private static double Idf(int docFreq, int documentCount) =>
        Math.Log(1 + ((documentCount - docFreq + 0.5) / (docFreq + 0.5)));

    /// <summary>Index terms within one or two edits (longer words allow two) of a word the index does not know.</summary>
    private static IEnumerable<string> Corrections(IndexReader reader, string term)
    {
        var maxEdits = term.Length >= 8 ? 2 : 1;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var field in IndexSnapshot.SearchFields)
        {
            var fuzzy = new FuzzyQuery(new Term(field, term), maxEdits, prefixLength: 1);
            var rewritten = fuzzy.Rewrite(reader);
            var terms = new HashSet<Term>();
            rewritten.ExtractTerms(terms);
            foreach (var t in terms)
            {
                found[t.Text] = Math.Max(found.GetValueOrDefault(t.Text), reader.DocFreq(t));
            }
        }

        return found.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(MaxFuzzyExpansions).Select(f => f.Key);
    }
}

using GuidanceBot.Knowledge.Indexing;

namespace GuidanceBot.Knowledge.Search;

/// <summary>What the confidence rule saw for the best hit of one query (for calibration and tests).</summary>
/// <param name="Coverage">Matched weight divided by the question's total weight (0–1).</param>
/// <param name="MatchedWeight">
/// Sum of the weights of the question positions found in the best hit; a weight is the word's IDF
/// divided by the IDF of a word no passage has, so 1 means "one very rare word matched" in any corpus size.
/// </param>
/// <param name="TopScore">The raw BM25 score of the best hit.</param>
/// <param name="HeadingWeight">As <paramref name="MatchedWeight"/>, counting only words found in the best hit's title or headings.</param>
internal sealed record Confidence(double Coverage, double MatchedWeight, double TopScore, double HeadingWeight)
{
    public static Confidence None { get; } = new(0, 0, 0, 0);

    /// <summary>
    /// The confidence rule: the best hit contains most of what the question asks (coverage), or it
    /// contains so much rare question vocabulary that a long, chatty question still counts.
    /// </summary>
    public bool IsAnswer(RankingSettings settings) =>
        (Coverage >= settings.MinCoverage && MatchedWeight >= settings.MinMatchedWeight)
        || MatchedWeight >= settings.StrongMatchedWeight
        || HeadingWeight >= settings.StrongHeadingWeight;
}

/// <summary>
/// Ranked search over one <see cref="IndexSnapshot"/>: BM25 over title, heading path and text with
/// field boosts, adjacent-word proximity, typo correction for unknown words, and the confidence rule
/// that decides between an answer and "no good answer".
/// </summary>
internal static class PassageSearcher
{
    /// <summary>Words shorter than this are never typo-corrected (too many near neighbours).</summary>
    /// <remarks>Measured: at 5 letters "brand" was "corrected" to "band" and answered an off-topic question.</remarks>
    private const int MinFuzzyLength = 6;

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

        var (groups, rankingQuery) = Prepare(snapshot, query, settings);
        var top = RankingScorer.TopDocuments(snapshot.Scoring, rankingQuery, maxHits);
        if (top.Count == 0)
        {
            return ([], Confidence.None);
        }

        var best = snapshot.AnalysisOf(snapshot.Scoring.OrdinalOf(top[0].Doc));
        var confidence = ConfidenceOf(best, top[0].Score, groups, settings);
        var queryTerms = groups.SelectMany(g => g.Terms).ToHashSet(StringComparer.Ordinal);
        var hits = new List<SearchHit>(top.Count);
        foreach (var scored in top)
        {
            var ordinal = snapshot.Scoring.OrdinalOf(scored.Doc);
            var passage = snapshot.Passages[ordinal];
            hits.Add(new SearchHit(passage, scored.Score, new LazySnippet(() => SnippetBuilder.Build(snapshot.AnalysisOf(ordinal), passage.Text, queryTerms))));
        }

        return (hits, confidence);
    }

    /// <summary>
    /// The question's concepts (with typo corrections and confidence weights) and the ranking query made of
    /// them; an empty query when no word of the question is indexed or correctable.
    /// </summary>
    internal static (List<QueryGroup> Groups, RankingQuery Query) Prepare(IndexSnapshot snapshot, string query, RankingSettings settings)
    {
        var indexTokens = QueryTerms.Tokens(snapshot.IndexAnalyzer, IndexSnapshot.BodyField, query);
        var groups = QueryTerms.Groups(snapshot.QueryAnalyzer, indexTokens, IndexSnapshot.BodyField, query);
        if (groups.Count == 0)
        {
            return (groups, new RankingQuery([], []));
        }

        var documentCount = snapshot.Scoring.DocumentCount;
        var unknownIdf = Idf(0, documentCount);
        foreach (var group in groups)
        {
            var known = group.Terms.Select(t => (Term: t, Df: DocFreq(snapshot, t))).Where(t => t.Df > 0).ToList();
            var original = group.Original ?? group.Terms[0];
            if (known.Count == 0 && original.Length >= MinFuzzyLength)
            {
                foreach (var correction in snapshot.Vocabulary.Corrections(original, original.Length >= 8 ? 2 : 1, MaxFuzzyExpansions))
                {
                    group.Terms.Add(correction);
                    group.FuzzyTerms.Add(correction);
                    known.Add((correction, DocFreq(snapshot, correction)));
                }
            }

            // A concept weighs what the user's own word weighs; synonyms only help to find it.
            var originalDf = known.Find(k => k.Term == original).Df;
            group.Weight = known.Count == 0 ? 1
                : originalDf > 0 ? Idf(originalDf, documentCount) / unknownIdf
                : known.Max(t => Idf(t.Df, documentCount)) / unknownIdf;
            group.Terms.RemoveAll(t => !known.Exists(k => k.Term == t));
        }

        return (groups, BuildQuery(groups, QueryTerms.Originals(indexTokens), snapshot, settings));
    }

    /// <summary>
    /// The ranking query of a question: per concept and field one set of alternatives (the concept's terms
    /// that the field has, a typo correction weighted down), and a phrase for each pair of adjacent words.
    /// </summary>
    private static RankingQuery BuildQuery(List<QueryGroup> groups, List<string> originals, IndexSnapshot snapshot, RankingSettings settings)
    {
        (string Field, float Boost)[] fields =
        [
            (IndexSnapshot.TitleField, settings.TitleBoost),
            (IndexSnapshot.HeadingsField, settings.HeadingBoost),
            (IndexSnapshot.BodyField, settings.BodyBoost),
        ];
        var concepts = new List<ConceptClause>(groups.Count);
        foreach (var group in groups)
        {
            var perField = new List<FieldAlternatives>(fields.Length);
            foreach (var (field, boost) in fields)
            {
                if (boost <= 0)
                {
                    continue;
                }

                // One concept, one score: synonyms and corrections of a word compete (max) instead of adding up.
                List<WeightedTerm>? alternatives = null;
                foreach (var term in group.Terms)
                {
                    if (snapshot.Vocabulary.HasTerm(field, term))
                    {
                        (alternatives ??= new(group.Terms.Count)).Add(new WeightedTerm(term, group.FuzzyTerms.Contains(term) ? boost * settings.FuzzyWeight : boost));
                    }
                }

                if (alternatives is not null)
                {
                    perField.Add(new FieldAlternatives(field, alternatives));
                }
            }

            if (perField.Count > 0)
            {
                concepts.Add(new ConceptClause(perField));
            }
        }

        var phrases = new List<PhraseClause>();
        if (settings.PhraseBoost > 0)
        {
            for (var i = 0; i + 1 < originals.Count; i++)
            {
                if (originals[i] == originals[i + 1] || DocFreq(snapshot, originals[i]) == 0 || DocFreq(snapshot, originals[i + 1]) == 0)
                {
                    continue;
                }

                foreach (var field in PhraseFields)
                {
                    if (snapshot.Vocabulary.HasTerm(field, originals[i]) && snapshot.Vocabulary.HasTerm(field, originals[i + 1]))
                    {
                        phrases.Add(new PhraseClause(field, originals[i], originals[i + 1], settings.PhraseBoost, settings.PhraseSlop));
                    }
                }
            }
        }

        return new RankingQuery(concepts, phrases);
    }

    private static Confidence ConfidenceOf(PassageAnalysis top, float topScore, List<QueryGroup> groups, RankingSettings settings)
    {
        double total = 0;
        double matched = 0;
        double inHeadings = 0;
        foreach (var group in groups)
        {
            total += group.Weight;
            var best = 0.0;
            var bestHeading = 0.0;
            foreach (var term in group.Terms)
            {
                var factor = group.FuzzyTerms.Contains(term) ? settings.FuzzyWeight : 1.0;
                foreach (var field in IndexSnapshot.SearchFields)
                {
                    if (top.Has(field, term))
                    {
                        best = Math.Max(best, factor);
                        if (field != IndexSnapshot.BodyField)
                        {
                            bestHeading = Math.Max(bestHeading, factor);
                        }
                    }
                }
            }

            matched += best * group.Weight;
            inHeadings += bestHeading * group.Weight;
        }

        return new Confidence(total == 0 ? 0 : matched / total, matched, topScore, inHeadings);
    }

    private static readonly string[] PhraseFields = [IndexSnapshot.HeadingsField, IndexSnapshot.BodyField];

    private static int DocFreq(IndexSnapshot snapshot, string term) => snapshot.Vocabulary.DocFreq(term);

    /// <summary>BM25's IDF: rare words weigh more; a word the index does not have weighs most.</summary>
    private static double Idf(int docFreq, int documentCount) =>
        Math.Log(1 + ((documentCount - docFreq + 0.5) / (docFreq + 0.5)));
}

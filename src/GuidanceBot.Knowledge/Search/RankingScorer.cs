using GuidanceBot.Knowledge.Indexing;

namespace GuidanceBot.Knowledge.Search;

/// <summary>A ranked document: its number in the <see cref="ScoringIndex"/> and its score.</summary>
internal readonly record struct ScoredDocument(int Doc, float Score);

/// <summary>
/// Scores a <see cref="RankingQuery"/> over a <see cref="ScoringIndex"/> with BM25 and returns the best
/// documents. The formulas, and the float arithmetic they are done in, are those of the Lucene query the
/// ranking was measured with (docs/retrieval.md): per term <c>idf · boost · (k1 + 1) · tf / (tf + lengthNorm)</c>;
/// per concept and field a disjunction-max with tie-breaker <see cref="RankingQuery.TieBreaker"/>; fields and
/// clauses summed. Ties go to the lower document number, as in Lucene's collector. A test runs both on every
/// question set and compares them.
/// </summary>
internal static class RankingScorer
{
    private static readonly float TermWeightFactor = ScoringIndex.K1 + 1;

    // Per thread and reused: a search runs synchronously on one thread, and reuse keeps a query free of
    // allocations that grow with the corpus.
    [ThreadStatic]
    private static Accumulators? _accumulators;

    public static IReadOnlyList<ScoredDocument> TopDocuments(ScoringIndex index, RankingQuery query, int maxHits)
    {
        if (maxHits <= 0 || query.IsEmpty || index.DocumentCount == 0)
        {
            return [];
        }

        var accumulators = _accumulators;
        if (accumulators is null || accumulators.Capacity < index.DocumentCount)
        {
            _accumulators = accumulators = new Accumulators(index.DocumentCount);
        }

        var total = accumulators.Total;
        total.Clear();
        foreach (var concept in query.Concepts)
        {
            ScoreConcept(index, concept, accumulators);
            foreach (var doc in accumulators.Concept.Documents)
            {
                total.Add(doc, (float)accumulators.Concept[doc]);
            }
        }

        foreach (var phrase in query.Phrases)
        {
            ScorePhrase(index, phrase, total);
        }

        return Best(total, maxHits);
    }

    private static void ScoreConcept(ScoringIndex index, ConceptClause concept, Accumulators accumulators)
    {
        var conceptScores = accumulators.Concept;
        var fieldScores = accumulators.Field;
        conceptScores.Clear();
        foreach (var alternatives in concept.Fields)
        {
            fieldScores.Clear();
            foreach (var (term, boost) in alternatives.Terms)
            {
                if (index.Postings(alternatives.Field, term) is not { } postings)
                {
                    continue;
                }

                var weight = postings.Idf * boost * TermWeightFactor;
                var docs = postings.Docs;
                var frequencies = postings.Frequencies;
                var lengthNorms = postings.LengthNorms;
                for (var i = 0; i < docs.Length; i++)
                {
                    fieldScores.Add(docs[i], weight * frequencies[i] / (frequencies[i] + lengthNorms[i]));
                }
            }

            foreach (var doc in fieldScores.Documents)
            {
                conceptScores.Add(doc, fieldScores.DisjunctionMax(doc, RankingQuery.TieBreaker));
            }
        }
    }

    private static void ScorePhrase(ScoringIndex index, PhraseClause phrase, ScoreSums total)
    {
        if (index.Postings(phrase.Field, phrase.First) is not { } first || index.Postings(phrase.Field, phrase.Second) is not { } second)
        {
            return;
        }

        // A phrase's IDF is the sum of its words' IDFs.
        var idf = 0.0f;
        idf += first.Idf;
        idf += second.Idf;
        var weight = idf * phrase.Boost * TermWeightFactor;
        var lengthNorms = index.LengthNorms(phrase.Field);
        for (int i = 0, j = 0; i < first.Docs.Length && j < second.Docs.Length;)
        {
            var doc = first.Docs[i];
            if (doc < second.Docs[j])
            {
                i++;
                continue;
            }

            if (doc > second.Docs[j])
            {
                j++;
                continue;
            }

            var frequency = SloppyPhrase.Frequency(first.PositionsAt(i), second.PositionsAt(j), phrase.Slop);
            if (frequency != 0)
            {
                total.Add(doc, weight * frequency / (frequency + lengthNorms[doc]));
            }

            i++;
            j++;
        }
    }

    /// <summary>The best <paramref name="maxHits"/> documents by score, ties to the lower document number.</summary>
    private static List<ScoredDocument> Best(ScoreSums total, int maxHits)
    {
        var best = new List<ScoredDocument>(Math.Min(maxHits, total.Documents.Count));
        foreach (var doc in total.Documents)
        {
            var candidate = new ScoredDocument(doc, (float)total[doc]);
            var at = best.Count;
            while (at > 0 && Ranks(candidate, best[at - 1]))
            {
                at--;
            }

            if (at < maxHits)
            {
                if (best.Count == maxHits)
                {
                    best.RemoveAt(best.Count - 1);
                }

                best.Insert(at, candidate);
            }
        }

        return best;
    }

    private static bool Ranks(ScoredDocument candidate, ScoredDocument other) =>
        candidate.Score > other.Score || (candidate.Score == other.Score && candidate.Doc < other.Doc);

    /// <summary>The three levels of sums, sized for an index: clauses into the total, fields into a concept, alternatives into a field.</summary>
    private sealed class Accumulators(int capacity)
    {
        public int Capacity { get; } = capacity;

        public ScoreSums Total { get; } = new(capacity);

        public ScoreSums Concept { get; } = new(capacity);

        public DisjunctionMaxScores Field { get; } = new(capacity);
    }
}

/// <summary>
/// Per-document sums of float scores in double precision, as Lucene's disjunction-sum scorer adds its
/// clauses, with the list of documents that got any score. Cleared in time proportional to those documents.
/// </summary>
internal sealed class ScoreSums(int capacity)
{
    private readonly double[] _sums = new double[capacity];
    private readonly bool[] _seen = new bool[capacity];
    private readonly List<int> _documents = new(capacity);

    public IReadOnlyList<int> Documents => _documents;

    public double this[int doc] => _sums[doc];

    public void Add(int doc, float score)
    {
        if (!_seen[doc])
        {
            _seen[doc] = true;
            _documents.Add(doc);
            _sums[doc] = score;
            return;
        }

        _sums[doc] += score;
    }

    public void Clear()
    {
        foreach (var doc in _documents)
        {
            _seen[doc] = false;
        }

        _documents.Clear();
    }
}

/// <summary>Per-document best score and float sum of the alternatives of one concept in one field.</summary>
internal sealed class DisjunctionMaxScores(int capacity)
{
    private readonly float[] _max = new float[capacity];
    private readonly float[] _sum = new float[capacity];
    private readonly bool[] _seen = new bool[capacity];
    private readonly List<int> _documents = new(capacity);

    public IReadOnlyList<int> Documents => _documents;

    public void Add(int doc, float score)
    {
        if (!_seen[doc])
        {
            _seen[doc] = true;
            _documents.Add(doc);
            _max[doc] = score;
            _sum[doc] = score;
            return;
        }

        _max[doc] = Math.Max(_max[doc], score);
        _sum[doc] += score;
    }

    /// <summary>The best alternative plus <paramref name="tieBreaker"/> times the others, in float as Lucene's scorer has it.</summary>
    public float DisjunctionMax(int doc, float tieBreaker) => _max[doc] + ((_sum[doc] - _max[doc]) * tieBreaker);

    public void Clear()
    {
        foreach (var doc in _documents)
        {
            _seen[doc] = false;
        }

        _documents.Clear();
    }
}

using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace GuidanceBot.Knowledge.Indexing;

/// <summary>
/// What BM25 ranking needs from one snapshot's Lucene index, copied once into arrays: per field and term
/// the postings (documents, frequencies, positions) with the term's IDF, and per field and document the
/// length part of BM25. The snapshot's index never changes, so this copy is exact for its whole life.
/// <para>
/// Why a copy: for a few hundred passages, Lucene's per-query set-up (a weight and a scorer per clause, a
/// postings enumerator with its block buffers per term, the collector) cost several times the HTTP request
/// that carried the question; the arithmetic itself is tiny. <see cref="Search.RankingScorer"/> scores over
/// these arrays with the same formulas (see there), and a test checks it against Lucene's own searcher.
/// </para>
/// </summary>
internal sealed class ScoringIndex
{
    /// <summary>BM25's term-frequency saturation, as in <see cref="Lucene.Net.Search.Similarities.BM25Similarity"/>'s defaults.</summary>
    public const float K1 = 1.2f;

    /// <summary>BM25's length normalisation, as in <see cref="Lucene.Net.Search.Similarities.BM25Similarity"/>'s defaults.</summary>
    public const float B = 0.75f;

    private readonly int[] _ordinals;
    private readonly Dictionary<string, FieldPostings> _fields;

    private ScoringIndex(int documentCount, int[] ordinals, Dictionary<string, FieldPostings> fields)
    {
        DocumentCount = documentCount;
        _ordinals = ordinals;
        _fields = fields;
    }

    /// <summary>Lucene's <c>maxDoc</c>: the number of documents (passages) in the index.</summary>
    public int DocumentCount { get; }

    /// <summary>The position in the snapshot's passage list of a document.</summary>
    public int OrdinalOf(int doc) => _ordinals[doc];

    /// <summary>The postings of a term in a field, or null when the field does not have it.</summary>
    public TermPostings? Postings(string field, string term) =>
        _fields.TryGetValue(field, out var postings) ? postings.Terms.GetValueOrDefault(term) : null;

    /// <summary>
    /// BM25's length part of one field for every document, <c>k1 · (1 − b + b · length / average length)</c>, with
    /// the length as the index's one-byte norm encodes it (so exactly the value Lucene's scorer uses).
    /// </summary>
    public float[] LengthNorms(string field) => _fields[field].LengthNorms;

    /// <summary>Copies the postings and norms of <paramref name="fields"/>; <paramref name="ordinalField"/> is the numeric doc value holding each document's passage position.</summary>
    public static ScoringIndex Build(IndexReader reader, IEnumerable<string> fields, string ordinalField)
    {
        var documentCount = reader.MaxDoc;
        var ordinals = new int[documentCount];
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetNumericDocValues(ordinalField);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                ordinals[leaf.DocBase + doc] = (int)values.Get(doc);
            }
        }

        var byField = new Dictionary<string, FieldPostings>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            byField[field] = ReadField(reader, field, documentCount);
        }

        return new ScoringIndex(documentCount, ordinals, byField);
    }

    private static FieldPostings ReadField(IndexReader reader, string field, int documentCount)
    {
        // Lucene's BM25: average length = sumTotalTermFreq / maxDoc, or 1 when the field is empty.
        var sumTotalTermFreq = MultiFields.GetTerms(reader, field)?.SumTotalTermFreq ?? 0;
        var averageLength = sumTotalTermFreq <= 0 ? 1f : (float)(sumTotalTermFreq / (double)documentCount);

        var lengthNorms = new float[documentCount];
        var builders = new Dictionary<string, PostingsBuilder>(StringComparer.Ordinal);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var norms = atomic.GetNormValues(field);
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                // A field without norms scores as if b were 0, as Lucene does.
                lengthNorms[leaf.DocBase + doc] = norms is null ? K1 : LengthNormOf(norms.Get(doc), averageLength);
            }

            var terms = atomic.GetTerms(field);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            DocsAndPositionsEnum? positions = null;
            while (termsEnum.MoveNext())
            {
                var text = termsEnum.Term.Utf8ToString();
                if (!builders.TryGetValue(text, out var builder))
                {
                    builders[text] = builder = new PostingsBuilder();
                }

                positions = termsEnum.DocsAndPositions(atomic.LiveDocs, positions);
                int doc;
                while ((doc = positions.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    builder.Add(leaf.DocBase + doc, positions);
                }
            }
        }

        var postings = builders.ToDictionary(b => b.Key, b => b.Value.Build(documentCount, lengthNorms), StringComparer.Ordinal);
        return new FieldPostings(postings, lengthNorms);
    }

    /// <summary>Lucene's <c>BM25Similarity</c> norm cache entry for one encoded norm, computed with the same float operations.</summary>
    private static float LengthNormOf(long encodedNorm, float averageLength)
    {
        var decoded = SmallSingle.SByte315ToSingle((sbyte)(encodedNorm & 0xFF));
        var length = 1.0f / (decoded * decoded);
        return K1 * ((1 - B) + (B * length / averageLength));
    }

    private sealed record FieldPostings(Dictionary<string, TermPostings> Terms, float[] LengthNorms);

    private sealed class PostingsBuilder
    {
        private readonly List<int> _docs = [];
        private readonly List<int> _positionStarts = [];
        private readonly List<int> _positions = [];

        public void Add(int doc, DocsAndPositionsEnum postings)
        {
            _docs.Add(doc);
            _positionStarts.Add(_positions.Count);
            for (var i = 0; i < postings.Freq; i++)
            {
                _positions.Add(postings.NextPosition());
            }
        }

        public TermPostings Build(int documentCount, float[] lengthNorms)
        {
            _positionStarts.Add(_positions.Count);
            var frequencies = new float[_docs.Count];
            var norms = new float[_docs.Count];
            for (var i = 0; i < _docs.Count; i++)
            {
                frequencies[i] = _positionStarts[i + 1] - _positionStarts[i];
                norms[i] = lengthNorms[_docs[i]];
            }

            return new TermPostings([.. _docs], [.. _positionStarts], [.. _positions], frequencies, norms, Idf(_docs.Count, documentCount));
        }

        /// <summary>BM25's IDF as Lucene computes it: <c>log(1 + (maxDoc − docFreq + 0.5) / (docFreq + 0.5))</c>, in double, then float.</summary>
        private static float Idf(long docFreq, long documentCount) =>
            (float)Math.Log(1 + ((documentCount - docFreq + 0.5D) / (docFreq + 0.5D)));
    }
}

/// <summary>
/// One term's postings in one field: the documents in increasing order, and for document <c>i</c> its
/// positions <c>Positions[PositionStarts[i] .. PositionStarts[i + 1]]</c> (so the frequency is their count).
/// <see cref="Frequencies"/> and <see cref="LengthNorms"/> repeat, per posting, what term scoring reads, so its
/// loop runs over three arrays side by side.
/// </summary>
internal sealed class TermPostings(int[] docs, int[] positionStarts, int[] positions, float[] frequencies, float[] lengthNorms, float idf)
{
    public int[] Docs { get; } = docs;

    public int[] PositionStarts { get; } = positionStarts;

    public int[] Positions { get; } = positions;

    /// <summary>The term's frequency in each document of <see cref="Docs"/>, as the float BM25 computes with.</summary>
    public float[] Frequencies { get; } = frequencies;

    /// <summary>The field's length norm (<see cref="ScoringIndex.LengthNorms"/>) of each document of <see cref="Docs"/>.</summary>
    public float[] LengthNorms { get; } = lengthNorms;

    /// <summary>BM25's IDF of the term in this field.</summary>
    public float Idf { get; } = idf;

    public int DocFreq => Docs.Length;

    /// <summary>How often the term occurs in the <paramref name="index"/>-th document of <see cref="Docs"/>.</summary>
    public int Freq(int index) => PositionStarts[index + 1] - PositionStarts[index];

    /// <summary>The positions of the term in the <paramref name="index"/>-th document of <see cref="Docs"/>.</summary>
    public ReadOnlySpan<int> PositionsAt(int index) => Positions.AsSpan(PositionStarts[index], Freq(index));
}

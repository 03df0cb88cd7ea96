using Lucene.Net.Index;

namespace GuidanceBot.Knowledge.Search;

/// <summary>
/// The indexed terms of a snapshot with their document frequency, bucketed by first letter, for
/// typo correction. A linear scan of one bucket with a bounded edit distance measured far faster
/// than rewriting a Lucene <c>FuzzyQuery</c> (which builds Levenshtein automata per query and
/// field): 13 ms became well under 1 ms for a question with an unknown 12-letter word.
/// </summary>
internal sealed class Vocabulary
{
    private readonly Dictionary<char, List<(string Term, int DocFreq)>> _buckets;
    private readonly Dictionary<string, int> _docFreqs;
    private readonly Dictionary<string, HashSet<string>> _fieldTerms;

    private Vocabulary(Dictionary<string, int> docFreqs, Dictionary<string, HashSet<string>> fieldTerms, Dictionary<char, List<(string Term, int DocFreq)>> buckets)
    {
        _docFreqs = docFreqs;
        _fieldTerms = fieldTerms;
        _buckets = buckets;
    }

    /// <summary>The number of passages that have the term in any searched field (the largest per-field count).</summary>
    public int DocFreq(string term) => _docFreqs.GetValueOrDefault(term);

    /// <summary>
    /// Whether the field has the term at all. Queries leave out absent (field, term) pairs: every
    /// term clause costs Lucene a weight and a scorer, and with synonyms and three fields the absent
    /// pairs were most of the clauses.
    /// </summary>
    public bool HasTerm(string field, string term) => _fieldTerms.TryGetValue(field, out var terms) && terms.Contains(term);

    public static Vocabulary Build(IndexReader reader, IEnumerable<string> fields)
    {
        var docFreqs = new Dictionary<string, int>(StringComparer.Ordinal);
        var fieldTerms = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var inField = new HashSet<string>(StringComparer.Ordinal);
            fieldTerms[field] = inField;
            var terms = MultiFields.GetTerms(reader, field);
            if (terms is null)
            {
                continue;
            }

            var termsEnum = terms.GetEnumerator();
            while (termsEnum.MoveNext())
            {
                var text = termsEnum.Term.Utf8ToString();
                docFreqs[text] = Math.Max(docFreqs.GetValueOrDefault(text), termsEnum.DocFreq);
                inField.Add(text);
            }
        }

        var buckets = docFreqs
            .Where(t => t.Key.Length > 0)
            .GroupBy(t => t.Key[0])
            .ToDictionary(g => g.Key, g => g.Select(t => (t.Key, t.Value)).ToList());
        return new Vocabulary(docFreqs, fieldTerms, buckets);
    }

    /// <summary>
    /// Terms within <paramref name="maxEdits"/> (insert, delete, substitute, swap adjacent) of
    /// <paramref name="word"/> that share its first letter: closest first, then most frequent.
    /// </summary>
    public IReadOnlyList<string> Corrections(string word, int maxEdits, int maxResults)
    {
        if (word.Length == 0 || !_buckets.TryGetValue(word[0], out var bucket))
        {
            return [];
        }

        var found = new List<(string Term, int Distance, int DocFreq)>();
        var rows = new int[3 * (word.Length + maxEdits + 1)];
        foreach (var (term, docFreq) in bucket)
        {
            if (Math.Abs(term.Length - word.Length) > maxEdits || term == word)
            {
                continue;
            }

            var distance = Distance(word, term, maxEdits, rows);
            if (distance <= maxEdits)
            {
                found.Add((term, distance, docFreq));
            }
        }

        return [.. found
            .OrderBy(f => f.Distance)
            .ThenByDescending(f => f.DocFreq)
            .ThenBy(f => f.Term, StringComparer.Ordinal)
            .Take(maxResults)
            .Select(f => f.Term)];
    }

    /// <summary>Optimal string alignment distance, giving up (returns max + 1) once every cell of a row exceeds <paramref name="max"/>.</summary>
    private static int Distance(string a, string b, int max, int[] rows)
    {
        var width = b.Length + 1;
        var previous2 = rows.AsSpan(0, width);
        var previous = rows.AsSpan(width, width);
        var current = rows.AsSpan(2 * width, width);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var oldest = previous2;
            previous2 = previous;
            previous = current;
            current = oldest;
        }

        return previous[b.Length];
    }
}

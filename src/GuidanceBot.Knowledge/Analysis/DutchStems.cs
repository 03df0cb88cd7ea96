using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace GuidanceBot.Knowledge.Analysis;

/// <summary>
/// The stem of a word as the analysis makes it: its override when it has one, else Snowball Dutch. The stems of
/// the corpus's own words are remembered while the index is built (until <see cref="Freeze"/>); after that every
/// other word is stemmed on the spot and not remembered, so nothing a user types is kept.
/// </summary>
/// <remarks>
/// Why: most words of a question are words of the handreikingen, and Snowball's stemmer (with the override map in
/// front of it) was the largest single cost of analysing a question. A snapshot's index is built on one thread
/// and frozen before any question is asked, so the table needs no lock.
/// </remarks>
internal sealed class DutchStems
{
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _overrides;
    private Dictionary<string, string>? _learning = new(StringComparer.Ordinal);
    private FrozenDictionary<string, string> _known = FrozenDictionary<string, string>.Empty;
    private FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _knownBySpan;

    /// <param name="overrides">Word → stem pairs that win over Snowball (exact, case-sensitive words).</param>
    public DutchStems(IEnumerable<(string Word, string Stem)> overrides)
    {
        _overrides = overrides.ToFrozenDictionary(o => o.Word, o => o.Stem, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _knownBySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How many words are remembered.</summary>
    public int Count => _learning?.Count ?? _known.Count;

    /// <summary>Stops remembering: from now on only the words seen so far are looked up.</summary>
    public void Freeze()
    {
        if (_learning is not null)
        {
            _known = _learning.ToFrozenDictionary(StringComparer.Ordinal);
            _knownBySpan = _known.GetAlternateLookup<ReadOnlySpan<char>>();
            _learning = null;
        }
    }

    /// <summary>The stem of <paramref name="word"/>; <paramref name="snowball"/> is the caller's own stemmer (stemmers are not thread safe).</summary>
    public string Stem(ReadOnlySpan<char> word, DutchStemmer snowball)
    {
        if (_knownBySpan.TryGetValue(word, out var known))
        {
            return known;
        }

        var stem = _overrides.TryGetValue(word, out var overridden) ? overridden : Snowball(word, snowball);
        _learning?.TryAdd(word.ToString(), stem);
        return stem;
    }

    private static string Snowball(ReadOnlySpan<char> word, DutchStemmer snowball)
    {
        snowball.SetCurrent(word.ToString());
        snowball.Stem();
        return snowball.Current;
    }
}

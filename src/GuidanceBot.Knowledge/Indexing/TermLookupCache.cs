using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace GuidanceBot.Knowledge.Indexing;

/// <summary>
/// Remembers, per field, where each term the queries asked for sits in the terms dictionary. Lucene
/// looks a term up for every clause of every query (term and phrase weights alike), and each lookup
/// makes a fresh terms enumerator that walks the dictionary's FST and decodes a block: measured, about
/// half of a search's CPU and most of its ~400 KB of allocations, for an index of a few hundred passages.
/// The index of a snapshot never changes, so the answer of the first lookup holds for the snapshot's life.
/// Only terms that exist are remembered, so the cache is bounded by the index's vocabulary, not by what
/// users type.
/// </summary>
internal sealed class TermLookupCache
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<BytesRef, CachedTerm>> _fields = new(StringComparer.Ordinal);

    /// <summary>A reader that answers term lookups from this cache and leaves everything else to <paramref name="inner"/>.</summary>
    public AtomicReader Wrap(AtomicReader inner) => new CachingReader(inner, this);

    private ConcurrentDictionary<BytesRef, CachedTerm> Field(string field) => _fields.GetOrAdd(field, _ => new());

    /// <summary>What a lookup found: the term (a private copy), its dictionary state and statistics.</summary>
    private sealed record CachedTerm(BytesRef Term, TermState State, int DocFreq, long TotalTermFreq);

    private sealed class CachingReader(AtomicReader inner, TermLookupCache cache) : FilterAtomicReader(inner)
    {
        private Fields? _fields;

        // A segment's fields never change, so one wrapper serves every query.
        public override Fields Fields => _fields ??= new CachingFields(base.Fields, cache);
    }

    private sealed class CachingFields(Fields inner, TermLookupCache cache) : FilterAtomicReader.FilterFields(inner)
    {
        public override Terms GetTerms(string field)
        {
            var terms = base.GetTerms(field);
            return terms is null ? null! : new CachingTerms(terms, cache.Field(field));
        }
    }

    private sealed class CachingTerms(Terms inner, ConcurrentDictionary<BytesRef, CachedTerm> cache) : FilterAtomicReader.FilterTerms(inner)
    {
        public override TermsEnum GetEnumerator() => new CachingTermsEnum(m_input, cache);

        public override TermsEnum GetEnumerator(TermsEnum reuse) => GetEnumerator();
    }

    /// <summary>
    /// Answers <see cref="SeekExact(BytesRef)"/> and the term's statistics from the cache; the real
    /// enumerator is made only when postings are read or the caller iterates, and is then positioned
    /// with the cached state, which skips the dictionary walk.
    /// </summary>
    private sealed class CachingTermsEnum(Terms terms, ConcurrentDictionary<BytesRef, CachedTerm> cache) : TermsEnum
    {
        private TermsEnum? _inner;
        private CachedTerm? _current;
        private bool _innerPositioned;

        public override IComparer<BytesRef> Comparer => terms.Comparer;

        public override BytesRef Term => _current is not null ? _current.Term : Inner.Term;

        public override int DocFreq => _current?.DocFreq ?? Inner.DocFreq;

        public override long TotalTermFreq => _current?.TotalTermFreq ?? Inner.TotalTermFreq;

        public override long Ord => Delegated().Ord;

        private TermsEnum Inner => _inner ??= terms.GetEnumerator();

        public override bool SeekExact(BytesRef text)
        {
            if (cache.TryGetValue(text, out var cached))
            {
                _current = cached;
                _innerPositioned = false;
                return true;
            }

            _current = null;
            if (!Inner.SeekExact(text))
            {
                return false;
            }

            var found = new CachedTerm(BytesRef.DeepCopyOf(text), Inner.GetTermState(), Inner.DocFreq, Inner.TotalTermFreq);
            cache.TryAdd(found.Term, found);
            _current = found;
            _innerPositioned = true;
            return true;
        }

        public override void SeekExact(BytesRef term, TermState state)
        {
            _current = null;
            Inner.SeekExact(term, state);
        }

        public override TermState GetTermState() => _current is not null ? (TermState)_current.State.Clone() : Inner.GetTermState();

        public override DocsEnum Docs(IBits liveDocs, DocsEnum reuse, DocsFlags flags) => Positioned().Docs(liveDocs, reuse, flags);

        public override DocsAndPositionsEnum DocsAndPositions(IBits liveDocs, DocsAndPositionsEnum reuse, DocsAndPositionsFlags flags) =>
            Positioned().DocsAndPositions(liveDocs, reuse, flags);

        public override SeekStatus SeekCeil(BytesRef text) => Delegated().SeekCeil(text);

        public override void SeekExact(long ord) => Delegated().SeekExact(ord);

        public override bool MoveNext() => Delegated().MoveNext();

        [Obsolete("Use MoveNext() and Term instead.")]
        public override BytesRef Next() => MoveNext() ? Term : null!;

        /// <summary>The real enumerator, on the term of the last cached lookup.</summary>
        private TermsEnum Positioned()
        {
            if (_current is not null && !_innerPositioned)
            {
                Inner.SeekExact(_current.Term, _current.State);
                _innerPositioned = true;
            }

            return Inner;
        }

        /// <summary>The real enumerator for everything the cache does not answer (iteration, ordinals).</summary>
        /// <remarks>
        /// Positioned with a real dictionary walk: measured, Lucene.Net's enumerator placed by a term state
        /// repeats that term on the next <see cref="MoveNext"/> instead of moving past it.
        /// </remarks>
        private TermsEnum Delegated()
        {
            if (_current is not null)
            {
                Inner.SeekExact(_current.Term);
                _current = null;
                _innerPositioned = true;
            }

            return Inner;
        }
    }
}

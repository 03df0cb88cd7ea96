using GuidanceBot.Knowledge.Indexing;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace GuidanceBot.Knowledge.Tests.Indexing;

public sealed class TermLookupCacheTests : IDisposable
{
    private static readonly string[] Texts =
    [
        "de jongere loopt weg en komt laat thuis",
        "een loverboy maakt een meisje afhankelijk",
        "bel veilig thuis als je twijfelt over een jongere",
        "thuis thuis thuis, drie keer hetzelfde woord",
    ];

    private readonly RAMDirectory _directory = new();
    private readonly DirectoryReader _reader;

    public TermLookupCacheTests()
    {
        using (var analyzer = new StandardAnalyzer(LuceneVersion.LUCENE_48))
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, analyzer)))
        {
            foreach (var text in Texts)
            {
                writer.AddDocument(new Document { new TextField("body", text, Field.Store.NO) });
            }

            writer.ForceMerge(1);
        }

        _reader = DirectoryReader.Open(_directory);
    }

    [Fact]
    public void SeekExact_EveryTermColdAndCached_SameStatisticsAndPostingsAsThePlainReader()
    {
        var plain = _reader.Leaves[0].AtomicReader;
        var cached = new TermLookupCache().Wrap(plain);
        var terms = AllTerms(plain);
        Assert.NotEmpty(terms);

        // Twice: the first pass fills the cache through the real dictionary, the second is answered from it.
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var term in terms)
            {
                var expected = plain.Fields.GetTerms("body").GetEnumerator();
                var actual = cached.Fields.GetTerms("body").GetEnumerator();
                Assert.True(expected.SeekExact(term));
                Assert.True(actual.SeekExact(term), $"pass {pass}: {term.Utf8ToString()} not found");
                Assert.Equal(expected.Term, actual.Term);
                Assert.Equal(expected.DocFreq, actual.DocFreq);
                Assert.Equal(expected.TotalTermFreq, actual.TotalTermFreq);
                Assert.Equal(Positions(expected), Positions(actual));
            }
        }
    }

    [Fact]
    public void SeekExact_UnknownTerm_NotFoundAndNotRemembered()
    {
        var cached = new TermLookupCache().Wrap(_reader.Leaves[0].AtomicReader);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.False(cached.Fields.GetTerms("body").GetEnumerator().SeekExact(new BytesRef("onbekendwoord")));
        }
    }

    [Fact]
    public void Search_ThroughTheCache_SameHitsAndScoresAsWithout()
    {
        var plain = new IndexSearcher(_reader.Leaves[0].AtomicReader);
        var cached = new IndexSearcher(new TermLookupCache().Wrap(_reader.Leaves[0].AtomicReader));
        var query = new BooleanQuery
        {
            { new TermQuery(new Term("body", "thuis")), Occur.SHOULD },
            { new PhraseQuery { new Term("body", "veilig"), new Term("body", "thuis") }, Occur.SHOULD },
        };

        for (var round = 0; round < 2; round++)
        {
            var expected = plain.Search(query, 10).ScoreDocs.Select(d => (d.Doc, d.Score));
            var actual = cached.Search(query, 10).ScoreDocs.Select(d => (d.Doc, d.Score));
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void MoveNext_AfterACachedSeek_ContinuesWithTheNextTerm()
    {
        var plain = _reader.Leaves[0].AtomicReader;
        var cache = new TermLookupCache();
        var terms = AllTerms(plain);
        Assert.True(cache.Wrap(plain).Fields.GetTerms("body").GetEnumerator().SeekExact(terms[0]));

        var enumerator = cache.Wrap(plain).Fields.GetTerms("body").GetEnumerator();
        Assert.True(enumerator.SeekExact(terms[0]));
        Assert.True(enumerator.MoveNext());

        Assert.Equal(terms[1], enumerator.Term);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }

    private static List<BytesRef> AllTerms(AtomicReader reader)
    {
        var terms = new List<BytesRef>();
        var enumerator = reader.Fields.GetTerms("body").GetEnumerator();
        while (enumerator.MoveNext())
        {
            terms.Add(BytesRef.DeepCopyOf(enumerator.Term));
        }

        return terms;
    }

    private static List<(int Doc, int Freq, string Positions)> Positions(TermsEnum terms)
    {
        var postings = terms.DocsAndPositions(null, null);
        var result = new List<(int, int, string)>();
        while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            var positions = Enumerable.Range(0, postings.Freq).Select(_ => postings.NextPosition());
            result.Add((postings.DocID, postings.Freq, string.Join(',', positions)));
        }

        return result;
    }
}

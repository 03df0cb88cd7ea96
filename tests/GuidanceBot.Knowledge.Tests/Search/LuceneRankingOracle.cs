using GuidanceBot.Knowledge.Indexing;
using GuidanceBot.Knowledge.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace GuidanceBot.Knowledge.Tests.Search;

/// <summary>
/// The reference for <see cref="RankingScorer"/>: the same <see cref="RankingQuery"/> as a Lucene query
/// (the form the ranking was first measured in, docs/retrieval.md), run by Lucene's own searcher.
/// </summary>
internal static class LuceneRankingOracle
{
    /// <summary>The best <paramref name="maxHits"/> documents of <paramref name="query"/> as Lucene ranks them.</summary>
    public static IReadOnlyList<ScoredDocument> TopDocuments(IndexReader reader, RankingQuery query, int maxHits)
    {
        var lucene = ToLucene(query);
        if (lucene.Clauses.Count == 0)
        {
            return [];
        }

        var searcher = new IndexSearcher(reader) { Similarity = IndexSnapshot.Similarity };
        var collector = TopScoreDocCollector.Create(maxHits, docsScoredInOrder: true);
        searcher.Search(lucene, collector);
        return [.. collector.GetTopDocs().ScoreDocs.Select(d => new ScoredDocument(d.Doc, d.Score))];
    }

    /// <summary>
    /// Concepts as a disjunction-max per field (tie-breaker <see cref="RankingQuery.TieBreaker"/>) summed over
    /// the fields; phrases as sloppy phrase queries; everything optional, without coordination.
    /// </summary>
    public static BooleanQuery ToLucene(RankingQuery query)
    {
        var lucene = new BooleanQuery(disableCoord: true);
        foreach (var concept in query.Concepts)
        {
            var perField = new BooleanQuery(disableCoord: true);
            foreach (var field in concept.Fields)
            {
                var alternatives = new DisjunctionMaxQuery(RankingQuery.TieBreaker);
                foreach (var (term, boost) in field.Terms)
                {
                    alternatives.Add(new TermQuery(new Term(field.Field, term)) { Boost = boost });
                }

                perField.Add(alternatives, Occur.SHOULD);
            }

            lucene.Add(perField, Occur.SHOULD);
        }

        foreach (var phrase in query.Phrases)
        {
            var lucenePhrase = new PhraseQuery { Slop = phrase.Slop, Boost = phrase.Boost };
            lucenePhrase.Add(new Term(phrase.Field, phrase.First));
            lucenePhrase.Add(new Term(phrase.Field, phrase.Second));
            lucene.Add(lucenePhrase, Occur.SHOULD);
        }

        return lucene;
    }
}

using System.Text.Json;
using GuidanceBot.Knowledge.Indexing;
using GuidanceBot.Knowledge.Search;
using GuidanceBot.Testing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace GuidanceBot.Knowledge.Tests.Search;

/// <summary>
/// <see cref="RankingScorer"/> ranks exactly as Lucene's searcher does for the same query: the same
/// documents in the same order with the same scores (up to float rounding in sums), on the real corpus
/// for every question set and on generated ones.
/// </summary>
public class RankingScorerTests
{
    private const int MaxHits = 10;

    private static readonly Lazy<KnowledgeIndex> RealIndex = new(() => new KnowledgeIndex(new KnowledgeOptions { Path = RepoPaths.Knowledge, WatchForChanges = false }));

    public static TheoryData<string> QuestionSets => ["dev", "paraphrased", "offtopic", "typo", "random"];

    [Theory]
    [MemberData(nameof(QuestionSets))]
    public void TopDocuments_RealCorpus_SameAsLucene(string set)
    {
        var snapshot = RealIndex.Value.Current;
        var questions = Questions(set, snapshot);
        var compared = 0;

        foreach (var question in questions)
        {
            var (_, query) = PassageSearcher.Prepare(snapshot, question, RankingSettings.Default);

            var ours = RankingScorer.TopDocuments(snapshot.Scoring, query, MaxHits);
            var lucene = LuceneRankingOracle.TopDocuments(snapshot.Reader, query, MaxHits);

            AssertSameRanking(question, lucene, ours);
            compared += ours.Count;
        }

        // The comparison must have compared something: most questions of every set match passages.
        Assert.True(compared > questions.Count, $"only {compared} hits compared for {questions.Count} questions");
    }

    [Fact]
    public void TopDocuments_TiesAndMaxHits_LikeLucene()
    {
        using var index = SmallIndex(["a b", "b a", "a b", "c", "a x b", "a b"]);
        var query = new RankingQuery([Concept("body", "a")], [new PhraseClause("body", "a", "b", 2f, 2)]);

        foreach (var maxHits in new[] { 1, 2, 3, 6 })
        {
            var expected = LuceneRankingOracle.TopDocuments(index.Reader, query, maxHits);

            Assert.Equal(expected, RankingScorer.TopDocuments(index.Scoring, query, maxHits));
        }
    }

    /// <summary>
    /// The sloppy phrase frequency on every kind of position pattern: random documents over a four-letter
    /// alphabet, so repeats, overlaps, reversed order and long gaps all occur, for slops 0 to 3.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Phrase_RandomDocuments_SameScoreAsLucene(int slop)
    {
        var random = new Random(4711 + slop);
        var documents = Enumerable.Range(0, 300)
            .Select(_ => string.Join(' ', Enumerable.Range(0, random.Next(1, 40)).Select(_ => "abcd"[random.Next(4)].ToString())))
            .ToList();
        using var index = SmallIndex(documents);
        var query = new RankingQuery([], [new PhraseClause("body", "a", "b", 1f, slop)]);

        var expected = LuceneRankingOracle.TopDocuments(index.Reader, query, documents.Count);
        var actual = RankingScorer.TopDocuments(index.Scoring, query, documents.Count);

        Assert.True(expected.Count > 50, "the random documents should give many phrase matches");
        Assert.Equal(expected, actual);
    }

    private static void AssertSameRanking(string question, IReadOnlyList<ScoredDocument> expected, IReadOnlyList<ScoredDocument> actual)
    {
        Assert.True(expected.Count == actual.Count, $"{question}: Lucene {expected.Count} hits, ours {actual.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            // Sums may differ in the last float bit (Lucene adds clauses in heap order); the order must not.
            var tolerance = 1e-5f * Math.Max(1, Math.Abs(expected[i].Score));
            Assert.True(
                expected[i].Doc == actual[i].Doc && Math.Abs(expected[i].Score - actual[i].Score) <= tolerance,
                $"{question}: hit {i + 1} is doc {actual[i].Doc} ({actual[i].Score}), Lucene has doc {expected[i].Doc} ({expected[i].Score})");
        }
    }

    private static List<string> Questions(string set, IndexSnapshot snapshot) => set switch
    {
        "dev" => ReadQuestions(RepoPaths.SharedFile("domain", "questions-dev.jsonl")),
        "paraphrased" => ReadQuestions(Path.Combine(AppContext.BaseDirectory, "Fixtures", "questions-paraphrased.jsonl")),
        "offtopic" => ReadQuestions(FixturePaths.OffTopicQuestions),
        "typo" => [.. ReadQuestions(RepoPaths.SharedFile("domain", "questions-dev.jsonl")).Select(WithSwappedLetters)],
        _ => RandomQuestions(snapshot),
    };

    private static List<string> ReadQuestions(string path) =>
        [.. File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()!)];

    /// <summary>Two letters of the longest word swapped, as the typo set of docs/retrieval.md.</summary>
    private static string WithSwappedLetters(string question)
    {
        var words = question.Split(' ');
        var longest = Array.IndexOf(words, words.MaxBy(w => w.Length));
        var word = words[longest].ToCharArray();
        if (word.Length > 3)
        {
            (word[1], word[2]) = (word[2], word[1]);
        }

        words[longest] = new string(word);
        return string.Join(' ', words);
    }

    /// <summary>200 questions of 1–8 words drawn from the passages, so words repeat, stand side by side and in headings.</summary>
    private static List<string> RandomQuestions(IndexSnapshot snapshot)
    {
        var random = new Random(20261201);
        var words = snapshot.Passages
            .SelectMany(p => p.HeadingPath.Concat([p.Text]))
            .SelectMany(t => t.Split([' ', '\n', ',', '.', '?', ':', '(', ')'], StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        return [.. Enumerable.Range(0, 200).Select(_ =>
        {
            var start = random.Next(words.Count);
            var length = random.Next(1, 9);
            // Half of them consecutive words of a passage (phrases), half scattered.
            return random.Next(2) == 0
                ? string.Join(' ', words.Skip(start).Take(length))
                : string.Join(' ', Enumerable.Range(0, length).Select(_ => words[random.Next(words.Count)]));
        })];
    }

    private static ConceptClause Concept(string field, string term) =>
        new([new FieldAlternatives(field, [new WeightedTerm(term, 1f)])]);

    /// <summary>A Lucene index of whitespace-separated documents in one field, and its <see cref="ScoringIndex"/>.</summary>
    private static TestIndex SmallIndex(List<string> documents)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(Lucene.Net.Util.LuceneVersion.LUCENE_48, new WhitespaceAnalyzer(Lucene.Net.Util.LuceneVersion.LUCENE_48))
        {
            Similarity = IndexSnapshot.Similarity,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < documents.Count; i++)
            {
                writer.AddDocument(new Document { new NumericDocValuesField("ord", i), new TextField("body", documents[i], Field.Store.NO) });
            }

            writer.ForceMerge(1);
        }

        var reader = DirectoryReader.Open(directory);
        return new TestIndex(directory, reader, ScoringIndex.Build(reader, ["body"], "ord"));
    }

    private sealed record TestIndex(RAMDirectory Directory, DirectoryReader Reader, ScoringIndex Scoring) : IDisposable
    {
        public void Dispose()
        {
            Reader.Dispose();
            Directory.Dispose();
        }
    }
}

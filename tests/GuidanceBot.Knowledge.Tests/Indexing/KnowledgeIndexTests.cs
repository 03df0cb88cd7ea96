using GuidanceBot.Knowledge.Indexing;

namespace GuidanceBot.Knowledge.Tests.Indexing;

public class KnowledgeIndexTests
{
    /// <summary>A corpus whose passages all come from one document: <paramref name="matching"/> about loverboys, the rest about other things.</summary>
    private static List<Passage> Corpus(string generation, int matching, int other) =>
        [.. Enumerable.Range(0, matching + other).Select(i => new Passage(
            $"{generation}#p{i}",
            generation,
            $"Document {generation}",
            [i < matching ? $"Signalen van uitbuiting {i}" : $"Opvang en hulp {i}"],
            i < matching
                ? $"Een loverboy maakt een meisje verliefd en buit haar uit. Versie {generation}, passage {i}."
                : $"Gespecialiseerde opvang biedt behandeling en begeleiding. Versie {generation}, passage {i}.",
            [],
            null,
            null))];

    [Fact]
    public async Task Search_DuringRebuilds_AlwaysSeesOneCompleteSnapshot()
    {
        using var folder = new TempFolder();
        using var index = new KnowledgeIndex(new KnowledgeOptions { Path = folder.Path, WatchForChanges = false });
        var small = Corpus("a", 3, 20);
        var large = Corpus("b", 12, 40);
        index.Swap(small);
        var results = new System.Collections.Concurrent.ConcurrentBag<SearchResult>();
        var snapshots = new System.Collections.Concurrent.ConcurrentBag<(long Generation, int Count)>();

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 300; i++)
            {
                results.Add(index.Search("loverboy uitbuiting", maxHits: 10));
                var snapshot = index.Current;
                snapshots.Add((snapshot.Generation, snapshot.Passages.Count));
            }
        })).ToArray();
        for (var i = 0; i < 30; i++)
        {
            index.Swap(i % 2 == 0 ? large : small);
        }

        await Task.WhenAll(readers);
        Assert.All(results, r =>
        {
            Assert.True(r.Answered);
            var documents = r.Hits.Select(h => h.Passage.DocumentId).Distinct().ToList();
            var document = Assert.Single(documents);
            Assert.Equal(document == "a" ? 3 : 10, r.Hits.Count);
        });
        Assert.All(snapshots, s => Assert.True(s.Count is 23 or 52));
    }

    [Fact]
    public async Task FileChange_WithWatcher_RebuildsAndSwaps()
    {
        using var folder = new TempFolder();
        folder.Write("01-a.md", "---\nid: a\ntitle: A\n---\n\n## Eerste\n\nOver loverboys.\n\nBron: https://example.org/a\n");
        using var index = new KnowledgeIndex(new KnowledgeOptions { Path = folder.Path, RebuildDelay = TimeSpan.FromMilliseconds(50) });
        var rebuilt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        index.Rebuilt += (_, _) => rebuilt.TrySetResult();
        Assert.Single(index.AllPassages);

        folder.Write("02-b.md", "---\nid: b\ntitle: B\n---\n\n## Tweede\n\nOver sextortion.\n\nBron: https://example.org/b\n");
        await rebuilt.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, index.AllPassages.Count);
        Assert.NotNull(index.GetPassage("b#tweede"));
    }

    [Fact]
    public void Constructor_BadSynonymsFile_IndexesWithoutSynonymsAndWarns()
    {
        using var folder = new TempFolder();
        folder.Write("01-a.md", "---\nid: a\ntitle: A\n---\n\n## Eerste\n\nOver loverboys.\n\nBron: https://example.org/a\n");
        folder.Write("synonyms.txt", "loverboy => pooierboy => mensenhandelaar\n");
        var logger = new ListLogger();

        using var index = new KnowledgeIndex(new KnowledgeOptions { Path = folder.Path, WatchForChanges = false }, logger);

        Assert.Single(index.AllPassages);
        Assert.Contains(logger.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.Contains("synonyms.txt", StringComparison.Ordinal));
    }
}

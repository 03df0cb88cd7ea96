using BenchmarkDotNet.Attributes;
using GuidanceBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Benchmarks;

/// <summary>Full index build (read files + index) and query latency, on the real and the 100× corpus.</summary>
[MemoryDiagnoser]
public class KnowledgeBenchmarks
{
    private IPassageSearch _search = null!;
    private ServiceProvider? _services;
    private int _next;

    [Params(Corpora.Real, Corpora.Synthetic100)]
    public string Corpus { get; set; } = Corpora.Real;

    [GlobalSetup]
    public void Setup()
    {
        (_search, _services) = Corpora.Open(Corpora.Folder(Corpus));
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    /// <summary>A full rebuild as after a file change: ingestion of every file plus a new in-memory index.</summary>
    [Benchmark]
    public int Rebuild()
    {
        var (search, services) = Corpora.Open(Corpora.Folder(Corpus));
        using (services)
        {
            return search.AllPassages.Count;
        }
    }

    /// <summary>One question of the dev set (they rotate), as a user would ask it.</summary>
    [Benchmark]
    public SearchResult Query() => _search.Search(Corpora.Questions[_next++ % Corpora.Questions.Count]);
}

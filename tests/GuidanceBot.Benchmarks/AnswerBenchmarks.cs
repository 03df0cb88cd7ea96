using BenchmarkDotNet.Attributes;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Benchmarks;

/// <summary>
/// The parts of a question turn after the search, on the real corpus: building the answer card from a
/// search result, and serializing it to the JSON a reply carries. The dev questions rotate.
/// </summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private readonly List<(string Question, SearchResult Result)> _answers = [];
    private readonly List<AdaptiveCard> _cards = [];
    private ServiceProvider? _services;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var (search, services) = Corpora.Open(Corpora.Folder(Corpora.Real));
        _services = services;
        foreach (var question in Corpora.Questions)
        {
            var result = search.Search(question);
            if (result.Answered)
            {
                _answers.Add((question, result));
                _cards.Add(AnswerCard.Build(question, result, shareable: false));
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark]
    public AdaptiveCard BuildAnswerCard()
    {
        var (question, result) = _answers[_next++ % _answers.Count];
        return AnswerCard.Build(question, result, shareable: false);
    }

    [Benchmark]
    public byte[] SerializeAnswerCard() => CardSerializer.ToUtf8Json(_cards[_next++ % _cards.Count]);
}

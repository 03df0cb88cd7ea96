using GuidanceBot.Knowledge.Analysis;
using GuidanceBot.Knowledge.Indexing;
using GuidanceBot.Testing;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace GuidanceBot.Knowledge.Tests.Analysis;

public sealed class DutchStemsTests
{
    /// <summary>
    /// Every word of the real corpus, the overrides and some words it does not have: the stem table gives what
    /// Lucene's StemmerOverrideFilter followed by Snowball Dutch gives, remembered or not.
    /// </summary>
    [Fact]
    public void Stem_EveryCorpusWordAndOthers_SameAsLucenesFilters()
    {
        var index = new KnowledgeIndex(new KnowledgeOptions { Path = RepoPaths.Knowledge, WatchForChanges = false });
        var corpusWords = index.AllPassages
            .SelectMany(p => Words(p.Text).Concat(p.HeadingPath.SelectMany(Words)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        string[] others = ["pooierboys", "chatten", "gechat", "kwetsbaarheden", "x", "ab", "2026", "signaleren", "meisjes", "uitgebuit"];
        var learned = DutchKnowledgeAnalyzer.NewStems();
        foreach (var word in corpusWords)
        {
            learned.Stem(word, new DutchStemmer());
        }

        learned.Freeze();
        var fresh = DutchKnowledgeAnalyzer.NewStems();
        fresh.Freeze();

        Assert.True(corpusWords.Count > 1000, $"only {corpusWords.Count} corpus words");
        foreach (var word in corpusWords.Concat(others).Concat(DutchKnowledgeAnalyzer.StemOverrideTable.Select(o => o.Word)))
        {
            var expected = LuceneStem(word);
            Assert.True(expected == learned.Stem(word, new DutchStemmer()), $"{word}: Lucene {expected}, remembered {learned.Stem(word, new DutchStemmer())}");
            Assert.True(expected == fresh.Stem(word, new DutchStemmer()), $"{word}: Lucene {expected}, on the spot {fresh.Stem(word, new DutchStemmer())}");
        }
    }

    [Fact]
    public void Stem_AfterFreeze_RemembersNothingNew()
    {
        var stems = DutchKnowledgeAnalyzer.NewStems();
        stems.Stem("handreiking", new DutchStemmer());
        stems.Freeze();

        stems.Stem("Jansen", new DutchStemmer());
        stems.Stem("0612345678", new DutchStemmer());

        Assert.Equal(1, stems.Count);
    }

    [Fact]
    public void Snapshot_StemTableIsFrozenWithTheCorpusWords()
    {
        var index = new KnowledgeIndex(new KnowledgeOptions { Path = FixturePaths.Knowledge, WatchForChanges = false });
        var before = index.Current.Stems.Count;

        index.Search("Hoe heet de buurvrouw van Sanne Pietersen uit Zwolle?");

        Assert.True(before > 50, $"only {before} words remembered");
        Assert.Equal(before, index.Current.Stems.Count);
    }

    private static IEnumerable<string> Words(string text)
    {
        using var stream = DutchKnowledgeAnalyzer.SurfaceAnalyzer().GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var words = new List<string>();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }

        stream.End();
        return words;
    }

    private static string LuceneStem(string word)
    {
        var builder = new StemmerOverrideFilter.Builder(ignoreCase: false);
        foreach (var (w, stem) in DutchKnowledgeAnalyzer.StemOverrideTable)
        {
            builder.Add(w, stem);
        }

        using var tokenizer = new KeywordTokenizer(new StringReader(word));
        using var stream = new SnowballFilter(new StemmerOverrideFilter(tokenizer, builder.Build()), new DutchStemmer());
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        Assert.True(stream.IncrementToken());
        var result = term.ToString();
        stream.End();
        return result;
    }
}

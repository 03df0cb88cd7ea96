using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace GuidanceBot.Knowledge.Tests.Analysis;

/// <summary>Token-table asserts for analyzers (Lucene.Net.TestFramework is NUnit and not in our feed).</summary>
internal static class AnalyzerAssert
{
    /// <summary>Asserts the terms the analyzer makes of <paramref name="text"/>, in order (same-position tokens included).</summary>
    public static void Tokens(Analyzer analyzer, string text, string[] expected) =>
        Assert.Equal(expected, Terms(analyzer, text));

    public static List<string> Terms(Analyzer analyzer, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream("body", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}

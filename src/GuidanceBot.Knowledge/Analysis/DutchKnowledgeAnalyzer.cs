using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Nl;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace GuidanceBot.Knowledge.Analysis;

/// <summary>
/// The Dutch analysis chain for knowledge passages and questions: tokenize, lower-case, fold
/// accents, synonyms (query side), Dutch stop words, split compounds into known words, stem
/// (Snowball Dutch, with overrides).
/// </summary>
/// <param name="synonyms">Synonyms to expand (queries only), or null for indexing.</param>
/// <param name="compoundWords">Corpus words a compound may be split into, or null to not split.</param>
/// <param name="stems">The stem table shared by a snapshot's analyzers (<see cref="NewStems"/>), or null for one of its own.</param>
internal sealed class DutchKnowledgeAnalyzer(SynonymMap? synonyms, CharArraySet? compoundWords, DutchStems? stems = null) : Analyzer
{
    /// <summary>The one Lucene match version (older ones switch Dutch to a legacy stemmer).</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>
    /// Question words and chat fillers that Lucene's Dutch list lacks. Measured on the dev set: they
    /// carry no topic but diluted the confidence of real questions ("eigenlijk" even stems to "eigen").
    /// </summary>
    private static readonly string[] QuestionWords =
    [
        "welke", "welk", "waar", "wanneer", "waarom", "hoeveel", "hoelang", "waarmee", "waarvoor",
        "kun", "kunt", "mag", "mogen", "moeten", "moet", "we", "wij", "jij", "jullie", "onze", "wel",
        "eigenlijk", "precies", "graag", "even", "misschien", "ongeveer", "echt", "heel", "erg", "ineens", "gaat", "ga",
    ];

    /// <summary>Dutch stop words plus question words, accent-folded like the tokens they are compared with.</summary>
    public static readonly CharArraySet StopWords = FoldedStopWords();

    /// <summary>
    /// Stems that Snowball Dutch does not join but users mean as one word (measured on the dev set:
    /// "melden" → meld but "melding" → melding; "signaleren" → signaler but "signalen" → signal;
    /// "meisje" → meisj but "meisjes" → meisjes).
    /// </summary>
    private static readonly (string Word, string Stem)[] StemOverrides =
    [
        ("melding", "meld"), ("meldingen", "meld"), ("meldt", "meld"), ("gemeld", "meld"), ("melder", "meld"),
        ("signalering", "signal"), ("signaleren", "signal"), ("signaleert", "signal"), ("gesignaleerd", "signal"), ("signaal", "signal"),
        ("slachtoffers", "slachtoffer"), ("slachtofferschap", "slachtoffer"),
        ("uitbuiting", "uitbuit"), ("uitgebuit", "uitbuit"), ("uitbuiten", "uitbuit"),
        ("registratie", "registr"), ("registreren", "registr"), ("registreert", "registr"), ("geregistreerd", "registr"),
        ("meisjes", "meisj"), ("stappen", "stap"), ("bellen", "bel"), ("belt", "bel"),
    ];

    private readonly SynonymMap? _synonyms = synonyms;
    private readonly CharArraySet? _compoundWords = compoundWords;
    private readonly DutchStems _stems = stems ?? Frozen(NewStems());

    /// <summary>The stem overrides (word → stem), for tests that check the stem table against Lucene's filters.</summary>
    internal static IReadOnlyList<(string Word, string Stem)> StemOverrideTable => StemOverrides;

    /// <summary>A new stem table with this analysis's overrides; it remembers until frozen (see <see cref="DutchStems"/>).</summary>
    public static DutchStems NewStems() => new(StemOverrides);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        TokenStream stream = new LowerCaseFilter(Version, tokenizer);
        stream = new ASCIIFoldingFilter(stream);

        // Dutch plurals of words ending in a vowel take 's: foto's, programma's (measured: "naaktfoto's" missed "naaktfoto").
        stream = new EnglishPossessiveFilter(Version, stream);
        if (_synonyms is not null)
        {
            stream = new SynonymFilter(stream, _synonyms, ignoreCase: true);
        }

        stream = new StopFilter(Version, stream, StopWords);
        if (_compoundWords is not null)
        {
            stream = new CompoundSplitFilter(stream, _compoundWords);
        }

        stream = new DutchStemFilter(stream, _stems);
        return new TokenStreamComponents(tokenizer, stream);
    }

    /// <summary>The chain up to the synonym step (tokenize, lower-case, fold): how synonym entries and compound words are read.</summary>
    public static Analyzer SurfaceAnalyzer() => NewAnonymous((_, reader) =>
    {
        var tokenizer = new StandardTokenizer(Version, reader);
        return new TokenStreamComponents(tokenizer, new EnglishPossessiveFilter(Version, new ASCIIFoldingFilter(new LowerCaseFilter(Version, tokenizer))));
    });

    private static CharArraySet FoldedStopWords()
    {
        var set = new CharArraySet(Version, 512, ignoreCase: true);
        foreach (var word in DutchAnalyzer.DefaultStopSet.Concat(QuestionWords))
        {
            set.Add(Fold(word));
        }

        return set.AsReadOnly();
    }

    private static string Fold(string text)
    {
        var input = text.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length);
    }

    private static DutchStems Frozen(DutchStems stems)
    {
        stems.Freeze();
        return stems;
    }
}

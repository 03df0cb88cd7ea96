using GuidanceBot.Knowledge.Analysis;
using GuidanceBot.Knowledge.Search;
using Lucene.Net.Analysis.Synonym;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace GuidanceBot.Knowledge.Indexing;

/// <summary>
/// One complete, immutable in-memory index over a list of passages, with the analyzers it was built
/// with. Never changed after construction: a rebuild makes a new snapshot and swaps the reference,
/// so a query always runs against one whole index.
/// </summary>
internal sealed class IndexSnapshot
{
    public const string TitleField = "title";
    public const string HeadingsField = "headings";
    public const string BodyField = "body";
    public const string OrdinalField = "ord";

    public static readonly string[] SearchFields = [TitleField, HeadingsField, BodyField];

    private readonly Dictionary<string, Passage> _byId;
    private readonly PassageAnalysis?[] _analyses;

    private IndexSnapshot(IReadOnlyList<Passage> passages, DirectoryReader reader, DutchKnowledgeAnalyzer indexAnalyzer, DutchKnowledgeAnalyzer queryAnalyzer, DutchStems stems, long generation)
    {
        Stems = stems;
        Passages = passages;
        Reader = reader;
        Scoring = ScoringIndex.Build(reader, SearchFields, OrdinalField);
        IndexAnalyzer = indexAnalyzer;
        QueryAnalyzer = queryAnalyzer;
        Generation = generation;
        _byId = passages.ToDictionary(p => p.Id, StringComparer.Ordinal);
        _analyses = new PassageAnalysis?[passages.Count];
        Vocabulary = Vocabulary.Build(reader, SearchFields);
    }

    /// <summary>The indexed terms, for typo correction.</summary>
    public Vocabulary Vocabulary { get; }

    /// <summary>BM25 with Lucene's defaults (k1 = 1.2, b = 0.75): the writer encodes norms with it, and <see cref="ScoringIndex"/> scores with its formulas.</summary>
    public static Similarity Similarity { get; } = new BM25Similarity(ScoringIndex.K1, ScoringIndex.B);

    public IReadOnlyList<Passage> Passages { get; }

    public DirectoryReader Reader { get; }

    /// <summary>The postings and norms queries are ranked over (<see cref="ScoringIndex"/>).</summary>
    public ScoringIndex Scoring { get; }

    /// <summary>Analyzes passages and snippets: no synonyms, so a highlight marks what is really there.</summary>
    public DutchKnowledgeAnalyzer IndexAnalyzer { get; }

    /// <summary>Analyzes questions: as <see cref="IndexAnalyzer"/> plus synonym expansion.</summary>
    public DutchKnowledgeAnalyzer QueryAnalyzer { get; }

    /// <summary>The stems of the corpus's words, shared by both analyzers and frozen once the index was built.</summary>
    public DutchStems Stems { get; }

    /// <summary>Increases with every build; lets tests see which snapshot answered.</summary>
    public long Generation { get; }

    public Passage? Get(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The passage's analysis, made the first time it is asked for. Two threads may both make it; one
    /// result wins and the other is dropped, which is cheaper than a lock on every hit.
    /// </summary>
    public PassageAnalysis AnalysisOf(int ordinal)
    {
        var analysis = Volatile.Read(ref _analyses[ordinal]);
        if (analysis is not null)
        {
            return analysis;
        }

        var made = PassageAnalysis.Build(IndexAnalyzer, BodyField, FieldsOf(Passages[ordinal]));
        return Interlocked.CompareExchange(ref _analyses[ordinal], made, null) ?? made;
    }

    /// <summary>The searched fields of a passage and their text, as the index writer gets them.</summary>
    private static Dictionary<string, string> FieldsOf(Passage passage) => new(StringComparer.Ordinal)
    {
        [TitleField] = passage.DocumentTitle,
        [HeadingsField] = string.Join(" \n ", passage.HeadingPath),
        [BodyField] = passage.Text,
    };

    /// <summary>Builds a snapshot; <paramref name="synonyms"/> is the parsed synonyms.txt or null (<paramref name="splitCompounds"/> off only to measure its effect).</summary>
    public static IndexSnapshot Build(IReadOnlyList<Passage> passages, SynonymMap? synonyms, long generation, bool splitCompounds = true)
    {
        var compoundWords = splitCompounds ? CompoundWords(passages) : null;
        // Indexing teaches the stem table the corpus's words; frozen before the first question (see DutchStems).
        var stems = DutchKnowledgeAnalyzer.NewStems();
        var indexAnalyzer = new DutchKnowledgeAnalyzer(null, compoundWords, stems);
        var queryAnalyzer = new DutchKnowledgeAnalyzer(synonyms, compoundWords, stems);

#pragma warning disable CA2000 // The directory lives as long as the snapshot's reader; both are left to the GC (see KnowledgeIndex).
        var directory = new RAMDirectory();
#pragma warning restore CA2000
        var config = new IndexWriterConfig(DutchKnowledgeAnalyzer.Version, indexAnalyzer)
        {
            Similarity = Similarity,
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 64,
        };
        using (var writer = new IndexWriter(directory, config))
        {
            for (var i = 0; i < passages.Count; i++)
            {
                var document = new Document { new NumericDocValuesField(OrdinalField, i) };
                foreach (var (field, text) in FieldsOf(passages[i]))
                {
                    document.Add(new TextField(field, text, Field.Store.NO));
                }

                writer.AddDocument(document);
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        stems.Freeze();

        return new IndexSnapshot(passages, DirectoryReader.Open(directory), indexAnalyzer, queryAnalyzer, stems, generation);
    }

    /// <summary>
    /// Parses Solr-format synonyms (lower-case, comma-separated equivalents, # comments), expanded
    /// both ways. An entry that is a single stop word is left out: "om" (Openbaar Ministerie) is far
    /// more often the Dutch word "om", and expanding it put OM passages into unrelated answers.
    /// </summary>
    public static SynonymMap ParseSynonyms(string text)
    {
        using var analyzer = DutchKnowledgeAnalyzer.SurfaceAnalyzer();
        var parser = new SolrSynonymParser(dedup: true, expand: true, analyzer);
        using var reader = new StringReader(WithoutStopWordEntries(text));
        parser.Parse(reader);
        return parser.Build();
    }

    private static string WithoutStopWordEntries(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line =>
        {
            if (line.TrimStart().StartsWith('#') || line.Contains("=>", StringComparison.Ordinal))
            {
                return line;
            }

            var entries = line.Split(',').Select(e => e.Trim()).Where(e => e.Length > 0 && !DutchKnowledgeAnalyzer.StopWords.Contains(e)).ToList();
            return entries.Count > 1 ? string.Join(", ", entries) : string.Empty;
        });
        return string.Join('\n', lines);
    }

    /// <summary>The surface words of the corpus that a compound may be split into.</summary>
    private static CharArraySet CompoundWords(IReadOnlyList<Passage> passages)
    {
        var words = new CharArraySet(DutchKnowledgeAnalyzer.Version, 16384, ignoreCase: false);
        using var analyzer = DutchKnowledgeAnalyzer.SurfaceAnalyzer();
        foreach (var passage in passages)
        {
            AddWords(passage.Text);
            AddWords(string.Join(' ', passage.HeadingPath));
        }

        foreach (var title in passages.Select(p => p.DocumentTitle).Distinct(StringComparer.Ordinal))
        {
            AddWords(title);
        }

        return words;

        void AddWords(string text)
        {
            using var stream = analyzer.GetTokenStream(BodyField, text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (term.Length >= CompoundSplitFilter.MinPartLength && char.IsLetter(term.Buffer[0]) && !DutchKnowledgeAnalyzer.StopWords.Contains(term.Buffer, 0, term.Length))
                {
                    words.Add(term.ToString());
                }
            }

            stream.End();
        }
    }
}

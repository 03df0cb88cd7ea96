using System.Diagnostics;
using GuidanceBot.Knowledge.Ingestion;
using GuidanceBot.Knowledge.Search;
using Lucene.Net.Analysis.Synonym;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Knowledge.Indexing;

/// <summary>
/// The <see cref="IPassageSearch"/> of the application: builds the index from the knowledge folder
/// when created, rebuilds it after file changes (debounced), and swaps the new snapshot in with one
/// reference write, so a query never sees half an index. Thread safe.
/// </summary>
/// <remarks>
/// An old snapshot is not disposed on swap: a query may still be running on it, and an in-memory
/// index holds no unmanaged resources, so the garbage collector reclaims it when the last query ends.
/// </remarks>
internal sealed class KnowledgeIndex : IPassageSearch, IDisposable
{
    private readonly KnowledgeOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly RankingSettings _settings;
    private readonly Lock _rebuildLock = new();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;
    private IndexSnapshot _current;
    private long _generation;

    public KnowledgeIndex(IOptions<KnowledgeOptions> options, ILogger<KnowledgeIndex> logger, TimeProvider timeProvider)
        : this(options.Value, logger, timeProvider)
    {
    }

    internal KnowledgeIndex(KnowledgeOptions options, ILogger? logger = null, TimeProvider? timeProvider = null, RankingSettings? settings = null)
    {
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _settings = settings ?? RankingSettings.Default;
        if (options.MinConfidence is { } minCoverage)
        {
            _settings = _settings with { MinCoverage = minCoverage };
        }

        _current = BuildFromFolder();
        if (options.WatchForChanges)
        {
            StartWatching();
        }
    }

    /// <summary>Raised after a rebuild has been swapped in (on the rebuilding thread).</summary>
    public event EventHandler? Rebuilt;

    public IReadOnlyList<Passage> AllPassages => Volatile.Read(ref _current).Passages;

    /// <summary>The snapshot queries currently run against.</summary>
    internal IndexSnapshot Current => Volatile.Read(ref _current);

    /// <summary>The problems of the last build (skipped files).</summary>
    internal IReadOnlyList<IngestionProblem> Problems { get; private set; } = [];

    public SearchResult Search(string query, int maxHits = 3) =>
        PassageSearcher.Search(Volatile.Read(ref _current), query, maxHits, _settings);

    public Passage? GetPassage(string passageId) => Volatile.Read(ref _current).Get(passageId);

    /// <summary>Rebuilds from the folder and swaps the new index in; on failure the old one stays.</summary>
    public void Rebuild()
    {
        try
        {
            // Build and swap under one lock: two rebuilds in a row can never swap in the older index last.
            lock (_rebuildLock)
            {
                Volatile.Write(ref _current, BuildFromFolder());
            }

            Rebuilt?.Invoke(this, EventArgs.Empty);
        }
        catch (Exception e)
        {
            // Runs on a timer thread: an exception here would end the process, and the old index is still good.
            KnowledgeLog.RebuildFailed(_logger, e);
        }
    }

    /// <summary>Swaps in an index over the given passages (tests and benchmarks).</summary>
    internal void Swap(IReadOnlyList<Passage> passages, SynonymMap? synonyms = null)
    {
        lock (_rebuildLock)
        {
            var snapshot = IndexSnapshot.Build(passages, synonyms, ++_generation);
            Volatile.Write(ref _current, snapshot);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private IndexSnapshot BuildFromFolder()
    {
        var stopwatch = Stopwatch.StartNew();
        var ingestion = KnowledgeFolderReader.Read(_options.Path, _logger);
        SynonymMap? synonyms = null;
        if (ingestion.SynonymsText is { } text)
        {
            try
            {
                synonyms = IndexSnapshot.ParseSynonyms(text);
            }
            catch (J2N.Text.ParseException e)
            {
                // The message names the line ("Invalid synonym rule at line 3"), not its words.
                KnowledgeLog.SynonymsIgnored(_logger, KnowledgeFolderReader.SynonymsFileName, e.Message);
            }
            catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
            {
                KnowledgeLog.SynonymsIgnored(_logger, KnowledgeFolderReader.SynonymsFileName, e.GetType().Name);
            }
        }

        var snapshot = IndexSnapshot.Build(ingestion.Passages, synonyms, ++_generation);
        Problems = ingestion.Problems;
        if (_logger.IsEnabled(LogLevel.Information))
        {
            var files = ingestion.Passages.Select(p => p.DocumentId).Distinct(StringComparer.Ordinal).Count();
            var folder = Path.GetFileName(Path.GetFullPath(_options.Path));
            KnowledgeLog.IndexBuilt(_logger, folder, ingestion.Passages.Count, files, stopwatch.ElapsedMilliseconds);
        }

        return snapshot;
    }

    private void StartWatching()
    {
        _debounce = _timeProvider.CreateTimer(_ => Rebuild(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(_options.Path)
        {
            IncludeSubdirectories = false,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += OnFileEvent;
        _watcher.Created += OnFileEvent;
        _watcher.Deleted += OnFileEvent;
        _watcher.Renamed += OnFileEvent;
        _watcher.EnableRaisingEvents = true;
    }

    private void OnFileEvent(object sender, FileSystemEventArgs e)
    {
        var renamedFrom = (e as RenamedEventArgs)?.OldName;
        if (KnowledgeFolderReader.IsWatched(e.Name ?? string.Empty) || (renamedFrom is not null && KnowledgeFolderReader.IsWatched(renamedFrom)))
        {
            // Editors save in bursts (temp file, rename, touch): wait until the folder is quiet.
            _debounce?.Change(_options.RebuildDelay, Timeout.InfiniteTimeSpan);
        }
    }
}

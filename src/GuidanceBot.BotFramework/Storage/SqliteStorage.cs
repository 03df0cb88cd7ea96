using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// The embedded default <see cref="IStorage"/>: one SQLite file in WAL mode, so that <c>dotnet run</c>
/// needs nothing else and state survives a restart. The ETag and expiry checks are part of the SQL
/// statement itself, so two processes on the same file cannot both win.
/// </summary>
/// <remarks>
/// <para>
/// A file that cannot be used now (locked by another process, disk full, I/O error, no permission, damaged)
/// and calls after <see cref="Dispose"/> throw <see cref="StorageUnavailableException"/>; other SQLite errors
/// (bad SQL, a constraint) are bugs and stay <see cref="SqliteException"/>s.
/// </para>
/// <para>
/// Open connections are kept in a small pool of their own, each with its statements prepared once:
/// measured under load, opening a pooled connection and preparing the statement again on every call
/// was about a quarter of the storage's CPU per flow step.
/// </para>
/// </remarks>
public sealed class SqliteStorage : IStorage, IReadinessProbe, IDisposable
{
    private const string ReadSql = "SELECT value, etag, expires_at FROM items WHERE key = $key";
    private const string DeleteVersionSql = "DELETE FROM items WHERE key = $key AND etag = $etag";
    private const string CreateSql = """
        INSERT INTO items (key, value, etag, expires_at) VALUES ($key, $value, $newEtag, $expiresAt)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at
        WHERE items.expires_at <= $now
        """;
    private const string UpdateSql = """
        UPDATE items SET value = $value, etag = $newEtag, expires_at = $expiresAt
        WHERE key = $key AND etag = $etag AND expires_at > $now
        """;
    private const string PurgeSql = "DELETE FROM items WHERE expires_at <= $now";
    private const string DeleteSql = "DELETE FROM items WHERE key = $key";

    // Takes the file's write lock and lets it go: nothing is written, nothing is read but the header.
    private const string ProbeSql = "BEGIN IMMEDIATE; ROLLBACK";

    // Whole seconds, as Microsoft.Data.Sqlite counts them; one is the least that is not "wait forever".
    private const int ProbeBusyTimeoutSeconds = 1;

    // Deletes the version that was read and only that one: no row deleted means a conflict (IStorage).
    private const string DeleteIfSql = "DELETE FROM items WHERE key = $key AND etag = $etag";

    /// <summary>
    /// Connections open at most. A statement takes tens of microseconds, so a few serve thousands of turns a
    /// second; a fixed set means no connection (with its page cache) is opened and closed again under load.
    /// </summary>
    private static readonly int MaxConnections = Math.Max(4, 2 * Environment.ProcessorCount);

    private readonly string _connectionString;
    private readonly TimeProvider _time;
    private readonly TimeSpan _requestTimeout;
    private readonly ConcurrentBag<PreparedConnection> _idle = [];
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _connectionSlots = new(MaxConnections, MaxConnections);
    private bool _disposed;

    /// <summary>How often at most the expired rows are removed from the file (they are invisible from the moment they expire).</summary>
    public static readonly TimeSpan PurgeInterval = TimeSpan.FromMinutes(5);

    /// <summary>How long a call waits for a lock when none is given: the default of <see cref="StorageOptions.RequestTimeout"/>.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Opens (and if needed creates) the database file at <paramref name="databasePath"/>; waits for locks <see cref="DefaultRequestTimeout"/>.</summary>
    public SqliteStorage(string databasePath, TimeProvider time)
        : this(databasePath, time, DefaultRequestTimeout)
    {
    }

    /// <summary>
    /// Opens (and if needed creates) the database file at <paramref name="databasePath"/>. A call waits at most
    /// <paramref name="requestTimeout"/> for this process's other writers, and about as long again for a lock
    /// another process holds on the file; then it fails with <see cref="StorageUnavailableException"/>.
    /// </summary>
    public SqliteStorage(string databasePath, TimeProvider time, TimeSpan requestTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(requestTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(requestTimeout, TimeSpan.FromMilliseconds(int.MaxValue));
        _time = time;
        _requestTimeout = requestTimeout;
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // This class keeps its own open connections (with prepared statements); a disposed one is really closed.
            Pooling = false,
            // Seconds a statement retries while another process holds the file's lock, then SQLITE_BUSY. Microsoft.Data.Sqlite
            // sleeps on the calling thread between tries and ignores the cancellation token, so only this bounds that wait;
            // it must stay well inside a turn's budget. Whole seconds, at least one (0 would mean wait forever).
            DefaultTimeout = (int)Math.Ceiling(requestTimeout.TotalSeconds),
        }.ToString();
        try
        {
            Initialize();
        }
        catch (SqliteException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
    }

    /// <summary>The file name used inside the configured data folder.</summary>
    public const string DefaultFileName = "state.db";

    public async Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        var item = await UseAsync(connection =>
        {
            using var reader = connection.Command(ReadSql, ("$key", key)).ExecuteReader();
            return reader.Read() ? new StorageItem(key, reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2))) : null;
        }, cancellationToken).ConfigureAwait(false);
        if (item is null || item.ExpiresAt.ToUnixTimeMilliseconds() > Now())
        {
            return item;
        }

        // Expired state is absent whether or not it can be removed now (only if nobody rewrote it meanwhile). While
        // another process holds the file's lock, the read still answers "absent"; the periodic purge removes the row.
        try
        {
            await WriteLockedAsync(connection => connection.Command(DeleteVersionSql, ("$key", key), ("$etag", item.ETag)).ExecuteNonQuery(), cancellationToken).ConfigureAwait(false);
        }
        catch (StorageUnavailableException)
        {
        }

        return null;
    }

    public Task<string> WriteAsync(
        string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        cancellationToken.ThrowIfCancellationRequested();
        var clock = _time.GetUtcNow();
        var now = clock.ToUnixTimeMilliseconds();
        var newETag = ETags.New();
        // As a date, not as milliseconds: an expiry past the calendar throws here, as in the other stores, instead
        // of storing a row that no read can turn back into a date.
        var expiresAt = (clock + timeToLive).ToUnixTimeMilliseconds();
        return WriteLockedAsync(connection =>
        {
            // Without an ETag the write is create-only: an existing row may only be taken over when it has expired.
            var write = eTag is null
                ? connection.Command(CreateSql, ("$key", key), ("$value", value), ("$newEtag", newETag), ("$expiresAt", expiresAt), ("$now", now))
                : connection.Command(UpdateSql, ("$key", key), ("$value", value), ("$newEtag", newETag), ("$expiresAt", expiresAt), ("$now", now), ("$etag", eTag));
            if (write.ExecuteNonQuery() != 1)
            {
                throw StorageConflictException.For(eTag);
            }

            return newETag;
        }, cancellationToken);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        cancellationToken.ThrowIfCancellationRequested();
        return WriteLockedAsync(connection => connection.Command(DeleteSql, ("$key", key)).ExecuteNonQuery(), cancellationToken);
    }

    public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentException.ThrowIfNullOrEmpty(eTag);
        cancellationToken.ThrowIfCancellationRequested();
        return WriteLockedAsync(connection =>
        {
            // No row with that ETag: rewritten or removed since the caller read it (IStorage). A row of the caller's
            // own version that expired meanwhile still goes.
            if (connection.Command(DeleteIfSql, ("$key", key), ("$etag", eTag)).ExecuteNonQuery() == 0)
            {
                throw StorageConflictException.For(eTag);
            }

            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Removes every expired row from the file now; <see cref="ExpiredStatePurge"/> calls it every <see cref="PurgeInterval"/>.
    /// Expired rows are absent for every read and write already; this takes them out of the file. A scan of the
    /// table (there is no index on expires_at, see Initialize), off the turns' path.
    /// </summary>
    public Task PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var now = Now();
        return WriteLockedAsync(connection => connection.Command(PurgeSql, ("$now", now)).ExecuteNonQuery(), cancellationToken);
    }

    /// <summary>
    /// Checks that a write could start now, for readiness probes: a read alone stays fine while another process
    /// holds the file's write lock and every turn's save fails. Queues with this process's writers and holds the
    /// lock for microseconds; waits at most a second for another process's lock, then throws
    /// <see cref="StorageUnavailableException"/>.
    /// </summary>
    public Task ProbeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return WriteLockedAsync(connection =>
        {
            // Shorter than a turn's busy timeout: /readyz has a budget of its own, and this holds the write gate meanwhile.
            var probe = connection.Command(ProbeSql);
            probe.CommandTimeout = ProbeBusyTimeoutSeconds;
            return probe.ExecuteNonQuery();
        }, cancellationToken);
    }

    /// <summary>Closes the idle connections; calls after this fail.</summary>
    /// <remarks>
    /// The two semaphores are left to the GC: a turn still finishing during shutdown releases them, and a
    /// <see cref="SemaphoreSlim"/> holds no OS handle unless its wait handle is asked for.
    /// </remarks>
    public void Dispose()
    {
        _disposed = true;
        // Pairs with the fence in UseAsync: either this sees a connection given back, or that call sees _disposed.
        Interlocked.MemoryBarrier();
        CloseIdle();
    }

    private void CloseIdle()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Runs a writing statement while no other writer of this process runs. SQLite allows one writer per
    /// file; a second connection that finds the file locked gets SQLITE_BUSY and Microsoft.Data.Sqlite
    /// retries it after sleeping. At 64 concurrent conversations those sleeps were the flow step's p99
    /// (160–290 ms, see docs/benchmarks.md); queueing this process's writers here costs microseconds instead.
    /// Other processes on the same file are still kept apart by SQLite's own lock and the busy timeout. While
    /// another process holds that lock, the writer in the gate waits out its busy timeout; the ones queued behind
    /// it give up after the request timeout too, instead of each waiting its turn to wait.
    /// </summary>
    private async Task<T> WriteLockedAsync<T>(Func<PreparedConnection, T> work, CancellationToken cancellationToken)
    {
        if (!await _writeGate.WaitAsync(_requestTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new StorageUnavailableException($"Waited {_requestTimeout} for this process's previous SQLite write (which waits for the file's lock).");
        }

        try
        {
            return await UseAsync(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on an idle connection (or a new one while fewer than
    /// <see cref="MaxConnections"/> are open) and gives it back afterwards. Microsoft.Data.Sqlite runs its
    /// async methods synchronously anyway, so the work is synchronous: a statement that finds the file locked
    /// by another process holds its thread for up to the busy timeout, whatever the cancellation token says.
    /// A connection whose work failed is closed instead of reused: its state is not known.
    /// </summary>
    private async Task<T> UseAsync<T>(Func<PreparedConnection, T> work, CancellationToken cancellationToken)
    {
        if (_disposed)
        {
            // The host is stopping and a turn still finishing wants state: an outage for that turn, not a bug.
            throw new StorageUnavailableException("The SQLite store is closed.", new ObjectDisposedException(nameof(SqliteStorage)));
        }

        // Bounded like the write gate: every slot may be held by a statement waiting for another process's lock.
        if (!await _connectionSlots.WaitAsync(_requestTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new StorageUnavailableException($"No SQLite connection free within {_requestTimeout}.");
        }

        try
        {
            var connection = _idle.TryTake(out var idle) ? idle : PreparedConnection.Open(_connectionString);
            T result;
            try
            {
                result = work(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            // Dispose may run between a check of _disposed and the Add, and empty the pool just before it: so
            // give back first and check after, with a fence against the read being done before the write.
            _idle.Add(connection);
            Interlocked.MemoryBarrier();
            if (_disposed)
            {
                CloseIdle();
            }

            return result;
        }
        catch (SqliteException ex) when (IsUnavailable(ex))
        {
            throw Unavailable(ex);
        }
        finally
        {
            _connectionSlots.Release();
        }
    }

    /// <summary>
    /// True for the result codes that say the file cannot be used now, by any statement: retrying later or an
    /// operator can fix it (https://www.sqlite.org/rescode.html). SQLITE_ERROR (bad SQL, a missing table),
    /// constraint and misuse errors are bugs in this class and are not among them.
    /// </summary>
    private static bool IsUnavailable(SqliteException exception) =>
        // The primary code is the low byte; the extended ones (SQLITE_IOERR_FSYNC, …) only add detail.
        (exception.SqliteErrorCode & 0xFF) is
            // Another process holds the lock for longer than the busy timeout.
            raw.SQLITE_BUSY or raw.SQLITE_LOCKED or raw.SQLITE_PROTOCOL
            // The disk, the mount or the permissions.
            or raw.SQLITE_IOERR or raw.SQLITE_FULL or raw.SQLITE_CANTOPEN or raw.SQLITE_READONLY or raw.SQLITE_PERM
            or raw.SQLITE_NOLFS or raw.SQLITE_NOMEM
            // The file is damaged or is not a database (anymore): retrying does not help, but the operator must act, not a developer.
            or raw.SQLITE_CORRUPT or raw.SQLITE_NOTADB;

    private static StorageUnavailableException Unavailable(SqliteException exception) =>
        new($"The SQLite file cannot be used now (SQLite error {exception.SqliteErrorCode}).", exception);

    private void Initialize()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers and one writer work at the same time; the setting is stored in the file.
        // No index on expires_at (files from before 2026-12-01 had one; it is dropped): every write moves a row's
        // expiry, and keeping the index in step cost two more pages per commit, measured as 130 instead of 45 µs
        // per write. The only query that would use it is the occasional purge, for which a scan is fine.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS items (
                key TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL,
                etag TEXT NOT NULL,
                expires_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            DROP INDEX IF EXISTS items_expires_at;
            """;
        command.ExecuteNonQuery();
    }

    /// <summary>One open connection and the statements prepared on it so far.</summary>
    private sealed class PreparedConnection : IDisposable
    {
        private readonly SqliteConnection _connection;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        private PreparedConnection(SqliteConnection connection) => _connection = connection;

        public static PreparedConnection Open(string connectionString)
        {
            var connection = new SqliteConnection(connectionString);
            try
            {
                connection.Open();
                using var pragma = connection.CreateCommand();
                // In WAL mode NORMAL syncs at checkpoints instead of on every commit: a crash of the process
                // loses nothing, a power cut may lose the last turns' state but never corrupts the file. For
                // conversation state that expires within a day that is the right trade for a commit without fsync.
                pragma.CommandText = "PRAGMA synchronous = NORMAL";
                pragma.ExecuteNonQuery();
                return new PreparedConnection(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        /// <summary>The statement for <paramref name="sql"/>, prepared on first use, with these parameter values bound.</summary>
        public SqliteCommand Command(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = _connection.CreateCommand();
                command.CommandText = sql;
                foreach (var (name, _) in parameters)
                {
                    command.Parameters.Add(new SqliteParameter { ParameterName = name });
                }

                command.Prepare();
                _commands[sql] = command;
            }

            foreach (var (name, value) in parameters)
            {
                command.Parameters[name].Value = value;
            }

            return command;
        }

        public void Dispose()
        {
            foreach (var command in _commands.Values)
            {
                command.Dispose();
            }

            _connection.Dispose();
        }
    }
}

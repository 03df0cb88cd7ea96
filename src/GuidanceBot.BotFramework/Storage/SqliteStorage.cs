using Microsoft.Data.Sqlite;

namespace GuidanceBot.BotFramework.Storage;

/// <summary>
/// The embedded default <see cref="IStorage"/>: one SQLite file in WAL mode, so that <c>dotnet run</c>
/// needs nothing else and state survives a restart. Every call opens a pooled connection; the ETag and
/// expiry checks are part of the SQL statement itself, so two processes on the same file cannot both win.
/// </summary>
public sealed class SqliteStorage : IStorage
{
    private readonly string _connectionString;
    private readonly TimeProvider _time;

    /// <summary>Opens (and if needed creates) the database file at <paramref name="databasePath"/>.</summary>
    public SqliteStorage(string databasePath, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(databasePath);
        _time = time;
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
            Pooling = true,
            // Seconds a statement waits for another writer's lock before failing (SQLITE_BUSY).
            DefaultTimeout = 30,
        }.ToString();
        Initialize();
    }

    /// <summary>The file name used inside the configured data folder.</summary>
    public const string DefaultFileName = "state.db";

    public async Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT value, etag, expires_at FROM items WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        string value;
        string eTag;
        long expiresAt;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            value = reader.GetString(0);
            eTag = reader.GetString(1);
            expiresAt = reader.GetInt64(2);
        }

        if (expiresAt <= Now())
        {
            // Expired state is absent; remove it now (only if nobody rewrote it meanwhile).
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM items WHERE key = $key AND etag = $etag";
            delete.Parameters.AddWithValue("$key", key);
            delete.Parameters.AddWithValue("$etag", eTag);
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }

        return new StorageItem(key, value, eTag, DateTimeOffset.FromUnixTimeMilliseconds(expiresAt));
    }

    public async Task<string> WriteAsync(
        string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        var now = Now();
        var newETag = ETags.New();
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = eTag is null
            // Create-only: an existing row may only be taken over when it has expired.
            ? """
              INSERT INTO items (key, value, etag, expires_at) VALUES ($key, $value, $newEtag, $expiresAt)
              ON CONFLICT (key) DO UPDATE SET value = excluded.value, etag = excluded.etag, expires_at = excluded.expires_at
              WHERE items.expires_at <= $now
              """
            : """
              UPDATE items SET value = $value, etag = $newEtag, expires_at = $expiresAt
              WHERE key = $key AND etag = $etag AND expires_at > $now
              """;
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$value", value);
        command.Parameters.AddWithValue("$newEtag", newETag);
        command.Parameters.AddWithValue("$expiresAt", now + (long)timeToLive.TotalMilliseconds);
        command.Parameters.AddWithValue("$now", now);
        if (eTag is not null)
        {
            command.Parameters.AddWithValue("$etag", eTag);
        }

        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        if (changed != 1)
        {
            throw StorageConflictException.For(eTag);
        }

        if (eTag is null)
        {
            // New conversations are rare compared to turns: a good moment to drop expired items for good.
            await using var purge = connection.CreateCommand();
            purge.CommandText = "DELETE FROM items WHERE expires_at <= $now";
            purge.Parameters.AddWithValue("$now", now);
            await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return newETag;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM items WHERE key = $key";
        command.Parameters.AddWithValue("$key", key);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private long Now() => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private void Initialize()
    {
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL lets readers and one writer work at the same time; the setting is stored in the file.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS items (
                key TEXT NOT NULL PRIMARY KEY,
                value TEXT NOT NULL,
                etag TEXT NOT NULL,
                expires_at INTEGER NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS items_expires_at ON items (expires_at);
            """;
        command.ExecuteNonQuery();
    }
}

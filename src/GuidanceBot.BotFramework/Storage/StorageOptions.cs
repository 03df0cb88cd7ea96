namespace GuidanceBot.BotFramework.Storage;

/// <summary>Which store holds bot state, and how to reach it. Bound from the <c>Storage</c> section by the host.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Storage";

    /// <summary>The container used when <see cref="Container"/> is not set.</summary>
    public const string DefaultContainer = "guidancebot-state";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default), <see cref="StorageProvider.Memory"/> or <see cref="StorageProvider.AzureBlob"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The data folder for the SQLite file and its Data Protection keys (<c>keys/</c>); relative paths are
    /// taken from the content root.
    /// </summary>
    public string Path { get; set; } = "data";

    /// <summary>
    /// For <see cref="StorageProvider.AzureBlob"/>: the storage account connection string. A secret: set it
    /// through the environment (<c>Storage__ConnectionString</c>) or a Key Vault reference, never in appsettings.json.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>For <see cref="StorageProvider.AzureBlob"/>: the container for state and the key ring; created when missing.</summary>
    public string Container { get; set; } = DefaultContainer;

    /// <summary>
    /// For <see cref="StorageProvider.AzureBlob"/>: how long one request may take before it is retried or fails.
    /// For <see cref="StorageProvider.Sqlite"/>: how long a call waits for the file's lock held by another process
    /// (rounded up to whole seconds), and as long for this process's earlier writes, before it fails as unavailable.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long <c>/readyz</c> waits for the store before it reports the instance as not ready.</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>The <see cref="IStorage"/> implementations this layer ships.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in <see cref="StorageOptions.Path"/>.</summary>
    Sqlite,

    /// <summary>Process memory: state is lost on restart and not shared between instances.</summary>
    Memory,

    /// <summary>Azure Blob Storage: state shared by every instance (scale-out).</summary>
    AzureBlob,
}

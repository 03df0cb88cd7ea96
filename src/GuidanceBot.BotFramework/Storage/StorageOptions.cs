namespace GuidanceBot.BotFramework.Storage;

/// <summary>Which store holds bot state. Bound from the <c>Storage</c> section by the host.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "Storage";

    /// <summary><see cref="StorageProvider.Sqlite"/> (default) or <see cref="StorageProvider.Memory"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The data folder for the SQLite file; relative paths are taken from the content root.</summary>
    public string Path { get; set; } = "data";
}

/// <summary>The <see cref="IStorage"/> implementations this layer ships.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in <see cref="StorageOptions.Path"/>.</summary>
    Sqlite,

    /// <summary>Process memory: state is lost on restart and not shared between instances.</summary>
    Memory,
}

using GuidanceBot.BotFramework.Storage;

namespace GuidanceBot.LoadTest;

/// <summary>The configuration the bot runs with under load, whether as its own process or in the generator's.</summary>
internal static class BotSettings
{
    /// <summary>
    /// Configuration keys (with ':') and values for a bot over <paramref name="root"/>'s knowledge, keeping state in
    /// <paramref name="storage"/> under a fresh data folder, logging from <paramref name="logLevel"/> up.
    /// </summary>
    public static Dictionary<string, string> For(string root, string dataFolder, StorageProvider storage, LogLevel logLevel) => new()
    {
        ["Knowledge:Path"] = Path.Combine(root, "knowledge"),
        ["Knowledge:WatchForChanges"] = "false",
        ["Storage:Provider"] = storage.ToString(),
        ["Storage:Path"] = dataFolder,
        ["Logging:LogLevel:Default"] = logLevel.ToString(),
        // The load generator is far faster than a person: lift the abuse limits so they measure nothing here.
        ["BotFramework:RateLimits:ConversationPermits"] = "100000000",
        ["BotFramework:RateLimits:GlobalPermits"] = "100000000",
    };

    /// <summary>The same settings as environment variables for a bot process ('__' for ':').</summary>
    public static Dictionary<string, string> AsEnvironment(string root, string dataFolder, StorageProvider storage, LogLevel logLevel)
    {
        var environment = For(root, dataFolder, storage, logLevel).ToDictionary(setting => setting.Key.Replace(":", "__", StringComparison.Ordinal), setting => setting.Value);
        // As docs/deployment.md recommends for Linux: fewer glibc malloc arenas keep native memory flat.
        environment["MALLOC_ARENA_MAX"] = "2";
        return environment;
    }
}

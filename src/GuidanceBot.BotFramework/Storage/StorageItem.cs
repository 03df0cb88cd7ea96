namespace GuidanceBot.BotFramework.Storage;

/// <summary>One stored item: its JSON text and the ETag to write it back with.</summary>
public sealed record StorageItem(string Key, string Value, string ETag, DateTimeOffset ExpiresAt);

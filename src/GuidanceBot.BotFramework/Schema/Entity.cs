using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>
/// An entity on an activity. Only the fields of a <c>mention</c> are modelled; every other field
/// (e.g. of <c>clientInfo</c>) is kept in <see cref="ExtensionData"/>.
/// </summary>
public sealed class Entity
{
    /// <summary>The entity type of an @mention.</summary>
    public const string MentionType = "mention";

    public string? Type { get; set; }

    public string? Text { get; set; }

    public ChannelAccount? Mentioned { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

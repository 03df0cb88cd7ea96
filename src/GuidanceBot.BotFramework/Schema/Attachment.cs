using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>An attachment; for an Adaptive Card <see cref="ContentType"/> is <see cref="AdaptiveCardContentType"/>.</summary>
public sealed class Attachment
{
    /// <summary>The content type of an Adaptive Card attachment.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public string? ContentType { get; set; }

    public string? ContentUrl { get; set; }

    public AttachmentContent? Content { get; set; }

    public string? Name { get; set; }

    public string? ThumbnailUrl { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

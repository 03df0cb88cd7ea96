using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework Activity: the one message shape of the protocol (botframework-activity spec).
/// Fields this bot does not model are kept in <see cref="ExtensionData"/> so that nothing is lost on
/// a round trip.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }

    public string? Id { get; set; }

    /// <summary>ISO-8601 UTC time set by the channel; kept as sent so a round trip changes nothing.</summary>
    public string? Timestamp { get; set; }

    /// <summary>ISO-8601 time with the user's offset; kept as sent.</summary>
    public string? LocalTimestamp { get; set; }

    public string? LocalTimezone { get; set; }

    public string? ServiceUrl { get; set; }

    public string? ChannelId { get; set; }

    public ChannelAccount? From { get; set; }

    public ChannelAccount? Recipient { get; set; }

    public ConversationAccount? Conversation { get; set; }

    public string? ReplyToId { get; set; }

    public string? Text { get; set; }

    public string? TextFormat { get; set; }

    public string? Locale { get; set; }

    public string? Summary { get; set; }

    public string? AttachmentLayout { get; set; }

    public IList<Attachment>? Attachments { get; set; }

    public IList<Entity>? Entities { get; set; }

    public JsonElement? ChannelData { get; set; }

    public JsonElement? Value { get; set; }

    public string? ValueType { get; set; }

    public string? Name { get; set; }

    public string? Action { get; set; }

    public string? DeliveryMode { get; set; }

    public IList<ChannelAccount>? MembersAdded { get; set; }

    public IList<ChannelAccount>? MembersRemoved { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>A member-wise copy: its own top-level fields, sharing lists and nested objects with this one.</summary>
    public Activity ShallowCopy() => (Activity)MemberwiseClone();
}

using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>Helpers on <see cref="Activity"/> that the Bot Framework SDK also offers, under the same names.</summary>
public static partial class ActivityExtensions
{
    /// <summary>
    /// A reply to <paramref name="activity"/>: identities swapped, same conversation, serviceUrl, channel
    /// and locale, <c>replyToId</c> = the inbound id (PROTOCOL.md §2).
    /// </summary>
    public static Activity CreateReply(this Activity activity, string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        From = activity.Recipient,
        Recipient = activity.From,
        Conversation = activity.Conversation,
        ServiceUrl = activity.ServiceUrl,
        ChannelId = activity.ChannelId,
        Locale = activity.Locale,
        ReplyToId = activity.Id,
        Text = text,
    };

    /// <summary>True when the conversation is a Teams group chat or channel (many readers).</summary>
    public static bool IsGroupConversation(this Activity activity) =>
        activity.Conversation?.IsGroup == true
        || activity.Conversation?.ConversationType is ConversationTypes.GroupChat or ConversationTypes.Channel;

    /// <summary>True when an entity of the activity @mentions its recipient (the bot).</summary>
    public static bool MentionsRecipient(this Activity activity) =>
        RecipientMentions(activity).Any();

    /// <summary>
    /// Removes every @mention the activity's entities name — the recipient's and anyone else's — from
    /// <see cref="Activity.Text"/>, decodes what Teams HTML-encoded, and trims it; returns the new text.
    /// The SDK's <c>RemoveRecipientMention</c> keeps colleagues' mentions; here they go too. Why: a mention
    /// addresses a person and is no part of what is asked, and a kept <c>&lt;at&gt;Jan&lt;/at&gt;</c> made the
    /// search miss ("@Jan wat is CoMensha?") and would be echoed on the card.
    /// </summary>
    public static string? RemoveMentions(this Activity activity)
    {
        if (activity.Text is null)
        {
            return null;
        }

        var text = activity.Text;
        foreach (var mention in Mentions(activity))
        {
            // As the SDK does: remove the mentioned name wherever it is wrapped in <at…>…</at>, whatever
            // attributes Teams put on the tag.
            var name = AtTagContent().Match(mention.Text ?? string.Empty) is { Success: true } match
                ? match.Groups["name"].Value
                : mention.Mentioned?.Name;
            if (!string.IsNullOrWhiteSpace(name))
            {
                text = Regex.Replace(
                    text,
                    "<at[^>]*>\\s*" + Regex.Escape(name) + "\\s*</at>",
                    string.Empty,
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                    TimeSpan.FromMilliseconds(100));
            }
        }

        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        activity.Text = text.Trim();
        return activity.Text;
    }

    /// <summary>
    /// Reads a string property of the activity's <c>value</c> object (e.g. a card submit's data), or null
    /// when the value is absent, not an object, or the property is not a string.
    /// </summary>
    public static string? GetValueString(this Activity activity, string propertyName) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(propertyName, out var property)
        && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;

    /// <summary>Reads a boolean property of the activity's <c>value</c> object, or null.</summary>
    public static bool? GetValueBool(this Activity activity, string propertyName) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty(propertyName, out var property)
        && property.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? property.GetBoolean()
            : null;

    /// <summary>Wraps a serialized Adaptive Card as an attachment.</summary>
    public static Attachment ToAdaptiveCardAttachment(this JsonElement card) =>
        new() { ContentType = Attachment.AdaptiveCardContentType, Content = AttachmentContent.FromElement(card) };

    /// <summary>Wraps an Adaptive Card serialized to UTF-8 JSON as an attachment (see <see cref="AttachmentContent.FromUtf8Json"/>).</summary>
    public static Attachment ToAdaptiveCardAttachment(this ReadOnlyMemory<byte> utf8Card) =>
        new() { ContentType = Attachment.AdaptiveCardContentType, Content = AttachmentContent.FromUtf8Json(utf8Card) };

    private static IEnumerable<Entity> Mentions(Activity activity) =>
        (activity.Entities ?? []).Where(e => string.Equals(e.Type, Entity.MentionType, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Entity> RecipientMentions(Activity activity) =>
        Mentions(activity).Where(e =>
            e.Mentioned?.Id is { } id && string.Equals(id, activity.Recipient?.Id, StringComparison.OrdinalIgnoreCase));

    [GeneratedRegex("<at[^>]*>(?<name>.*?)</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTagContent();
}

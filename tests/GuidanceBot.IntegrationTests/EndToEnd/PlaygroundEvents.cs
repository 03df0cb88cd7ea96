using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// An event of the playground's conversation stream (<c>/_ws_conversation/v1/conversations/stream</c>): what its
/// chat UI shows. Text and each attachment of one bot activity arrive as separate messages.
/// </summary>
public sealed record ChatMessage(string Action, string? ConversationId, string? MessageId, string? FromId, string? Text, JsonObject? Card)
{
    /// <summary>The id of the card's first body element, which is how product cards name themselves.</summary>
    public string? CardId => (string?)Card?["body"]?[0]?["id"];

    /// <summary>The text of the card's first body element (the heading of every product card).</summary>
    public string? CardHeading => (string?)Card?["body"]?[0]?["text"];

    public static ChatMessage Parse(JsonObject e)
    {
        var message = e["message"] as JsonObject;
        var card = message?["attachments"]?.AsArray()
            .FirstOrDefault(a => (string?)a?["contentType"] == Attachment.AdaptiveCardContentType)?["content"] as JsonObject;
        return new ChatMessage(
            (string?)e["action"] ?? "?",
            (string?)e["actionConversationId"],
            (string?)message?["messageId"],
            (string?)message?["from"]?["id"],
            (string?)message?["text"],
            card);
    }

    public override string ToString() =>
        $"{Action} {MessageId} from {FromId}: {(Card is null ? $"text '{Text}'" : $"card '{CardId}'")}";
}

/// <summary>
/// An event of the playground's log stream (<c>/_ws/log/stream</c>): one HTTP exchange between the playground and
/// the bot, with the full raw Activity (the bot is called "User Application" there), or a line of text such as
/// "Cannot connect to your app…", which is the only trace of a bot that is down.
/// </summary>
public sealed record ExchangeLog(string From, string To, string ActivityName, JsonObject Activity, int? StatusCode, string? DisplayText)
{
    public const string BotName = "User Application";

    /// <summary>An activity the bot sent to the playground's connector.</summary>
    public bool SentByBot => From == BotName;

    /// <summary>An activity the playground posted to the bot's /api/messages.</summary>
    public bool SentToBot => To == BotName;

    public string? ActivityId => (string?)Activity["id"];

    public string? ReplyToId => (string?)Activity["replyToId"];

    public string? Type => (string?)Activity["type"];

    public string? Text => (string?)Activity["text"];

    public JsonObject? Card =>
        Activity["attachments"]?.AsArray()
            .FirstOrDefault(a => (string?)a?["contentType"] == Attachment.AdaptiveCardContentType)?["content"] as JsonObject;

    public string? CardId => (string?)Card?["body"]?[0]?["id"];

    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static ExchangeLog Parse(JsonObject e)
    {
        var log = e["log"] as JsonObject;
        return new ExchangeLog(
            (string?)log?["from"] ?? "?",
            (string?)log?["to"] ?? "?",
            (string?)log?["activityName"] ?? (string?)log?["type"] ?? "?",
            log?["request"]?["body"] as JsonObject ?? [],
            (int?)log?["response"]?["statusCode"],
            (string?)log?["displayText"]);
    }

    public override string ToString() => From == "?"
        ? $"{ActivityName}: {DisplayText}"
        : $"{From} -> {To}: {ActivityName} {StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}"
        + (CardId is null ? string.Empty : $" card '{CardId}'")
        + (Text is null ? string.Empty : $" text '{Text}'");
}

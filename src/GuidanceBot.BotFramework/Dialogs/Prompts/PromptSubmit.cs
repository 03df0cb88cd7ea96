using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// The card-submit side of prompts. Teams posts an <c>Action.Submit</c> as a message whose <c>value</c>
/// is the action's <c>data</c> merged with the card's inputs, and no text (PROTOCOL.md §4.5). Prompts
/// stamp their nonce into every submit action they send, and read it, the answer and the inputs back here.
/// </summary>
public static class PromptSubmit
{
    /// <summary>The data key holding the nonce of the prompt a card belongs to.</summary>
    public const string NonceKey = "promptNonce";

    /// <summary>The data key holding a button's answer (a choice value, or ja/nee).</summary>
    public const string AnswerKey = "answer";

    /// <summary>A new random nonce.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>The nonce a card submit carries, or null for typed text and submits without one.</summary>
    public static string? ReadNonce(Activity activity) => ReadString(activity, NonceKey);

    /// <summary>The answer a card button submitted, or null.</summary>
    public static string? ReadAnswer(Activity activity) => ReadString(activity, AnswerKey);

    /// <summary>True when the activity is a card submit (a message with an object <c>value</c>).</summary>
    public static bool IsCardSubmit(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object };
    }

    /// <summary>Every string, number or boolean member of a card submit's value, as strings by key.</summary>
    public static IReadOnlyDictionary<string, string> ReadInputs(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return inputs;
        }

        foreach (var property in value.EnumerateObject())
        {
            var text = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
            if (text is not null)
            {
                inputs[property.Name] = text;
            }
        }

        return inputs;
    }

    /// <summary>
    /// A copy of <paramref name="prompt"/> in which every <c>Action.Submit</c> / <c>Action.Execute</c> of every
    /// Adaptive Card carries <paramref name="nonce"/> in its <c>data</c>. Works on the parsed JSON tree of each
    /// card, never on text; the stored prompt stays untouched (sending fills in conversation fields).
    /// </summary>
    public static Activity Stamp(Activity prompt, string nonce)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        var copy = prompt.ShallowCopy();
        if (prompt.Attachments is { } attachments)
        {
            copy.Attachments = [.. attachments.Select(a => IsCard(a) ? Stamped(a, nonce) : a)];
        }

        return copy;
    }

    private static bool IsCard(Attachment attachment) =>
        attachment.ContentType == Attachment.AdaptiveCardContentType && attachment.Content is not null;

    private static Attachment Stamped(Attachment card, string nonce) => new()
    {
        ContentType = card.ContentType,
        ContentUrl = card.ContentUrl,
        Content = StampTemplate.For(card.Content!).Stamp(nonce),
        Name = card.Name,
        ThumbnailUrl = card.ThumbnailUrl,
        ExtensionData = card.ExtensionData,
    };

    /// <summary>Puts <paramref name="nonce"/> into the data of every submit action under <paramref name="node"/>; returns how many.</summary>
    internal static int StampNode(JsonNode? node, string nonce)
    {
        var stamped = 0;
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var typeName)
                    && typeName is "Action.Submit" or "Action.Execute")
                {
                    switch (obj["data"])
                    {
                        case null:
                            obj["data"] = new JsonObject { [NonceKey] = nonce };
                            stamped++;
                            break;
                        case JsonObject data:
                            data[NonceKey] = nonce;
                            stamped++;
                            break;
                    }
                }

                foreach (var child in obj.Select(p => p.Value).ToList())
                {
                    stamped += StampNode(child, nonce);
                }

                break;
            case JsonArray array:
                foreach (var item in array.ToList())
                {
                    stamped += StampNode(item, nonce);
                }

                break;
        }

        return stamped;
    }

    private static string? ReadString(Activity activity, string key)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty(key, out var property)
            && property.ValueKind == JsonValueKind.String
                ? property.GetString()
                : null;
    }
}

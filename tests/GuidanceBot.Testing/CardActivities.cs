using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.Testing;

/// <summary>Reading the Adaptive Card of a sent activity, and building the submit Teams would post for it.</summary>
public static class CardActivities
{
    /// <summary>The first Adaptive Card attachment as JSON, or null.</summary>
    public static JsonObject? AdaptiveCard(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var attachment = activity.Attachments?.FirstOrDefault(a => a.ContentType == Attachment.AdaptiveCardContentType);
        return attachment?.Content is { } content ? JsonNode.Parse(content.Element.GetRawText())!.AsObject() : null;
    }

    /// <summary>
    /// The card's name: the <c>id</c> of its first body element (product cards name themselves that way, the
    /// schema has no card id), else a root <c>id</c>; null when the activity has no card.
    /// </summary>
    public static string? CardId(this Activity activity)
    {
        var card = activity.AdaptiveCard();
        return (string?)card?["body"]?[0]?["id"] ?? (string?)card?["id"];
    }

    /// <summary>Every <c>Action.Submit</c> in the card (body action sets and card actions), in document order.</summary>
    public static IReadOnlyList<JsonObject> SubmitActions(this JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var found = new List<JsonObject>();
        Collect(card, found);
        return found;
    }

    /// <summary>
    /// The <c>value</c> Teams posts when the user clicks the submit action titled <paramref name="title"/>
    /// (or the first one): the action's data merged with <paramref name="inputs"/> (PROTOCOL.md §4.5).
    /// </summary>
    public static JsonObject SubmitValue(this JsonObject card, string? title = null, IReadOnlyDictionary<string, string>? inputs = null)
    {
        var actions = card.SubmitActions();
        var action = title is null
            ? actions[0]
            : actions.FirstOrDefault(a => (string?)a["title"] == title)
              ?? throw new InvalidOperationException($"No submit action titled '{title}' in card '{card["id"]}'.");
        var value = action["data"]?.DeepClone().AsObject() ?? [];
        foreach (var (id, input) in inputs ?? new Dictionary<string, string>())
        {
            value[id] = input;
        }

        return value;
    }

    private static void Collect(JsonNode? node, List<JsonObject> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if ((string?)obj["type"] == "Action.Submit")
                {
                    found.Add(obj);
                }

                foreach (var (_, child) in obj)
                {
                    Collect(child, found);
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    Collect(item, found);
                }

                break;
        }
    }
}

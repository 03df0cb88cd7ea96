using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace GuidanceBot.LoadTest;

/// <summary>
/// The guided-flow scenario: each conversation walks the risicotaxatie flow from start to summary by
/// clicking the buttons of the card it last received (their data carries the flow's nonce), then starts
/// again. Six turns a round, all of them flow steps with state loaded and saved.
/// </summary>
internal static class FlowScripts
{
    // The steps of the flow's happy path: the button to press and the toggles to switch on.
    private static readonly (string Button, string[] Toggles)[] Clicks =
    [
        ("Nee", []),
        ("Nee", []),
        ("Verder", ["uitbuiting.controle"]),
        ("Verder", ["risico.lvb"]),
        ("Verder", ["bescherming.netwerk"]),
    ];

    private static readonly ConcurrentDictionary<string, JsonObject> LastCard = new(StringComparer.Ordinal);

    public static Turn Turn => async (client, conversation, iteration, cancellationToken) =>
    {
        var step = iteration % (Clicks.Length + 1);
        JsonObject activity;
        if (step == 0)
        {
            activity = Scenarios.Message(conversation, "risico");
        }
        else if (!LastCard.TryGetValue(conversation, out var card) || Submit(card, Clicks[step - 1]) is not { } value)
        {
            return false;
        }
        else
        {
            activity = Scenarios.Message(conversation, null, value);
        }

        using var response = await Scenarios.PostAsync(client, activity, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["activities"]?.AsArray() ?? [];
        var lastCard = replies.Select(r => r?["attachments"]?[0]?["content"]).LastOrDefault(c => c is not null);
        if (lastCard is JsonObject cardObject)
        {
            LastCard[conversation] = cardObject;
        }

        return replies.Count > 0;
    };

    private static JsonObject? Submit(JsonObject card, (string Button, string[] Toggles) click)
    {
        var action = card["actions"]?.AsArray()
            .FirstOrDefault(a => (string?)a?["type"] == "Action.Submit" && (string?)a?["title"] == click.Button);
        if (action?["data"] is not JsonObject data)
        {
            return null;
        }

        var value = data.DeepClone().AsObject();
        foreach (var toggle in click.Toggles)
        {
            value[toggle] = "true";
        }

        return value;
    }
}

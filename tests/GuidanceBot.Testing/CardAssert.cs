using System.Text.Json;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Testing;

/// <summary>Assertions every card the bot sends must pass (STYLE.md §6).</summary>
public static class CardAssert
{
    /// <summary>Budget per card, well under Teams' message limit (PROTOCOL.md §2.1).</summary>
    public const int MaxCardBytes = 20 * 1024;

    /// <summary>The id a product card gives its first body element (the schema has no card id).</summary>
    public static string? IdOf(AdaptiveCard card) => card.Body.Count > 0 ? card.Body[0].Id : null;

    public static void IsValid(AdaptiveCard card)
    {
        var json = CardSerializer.ToJsonElement(card);
        var errors = SchemaValidator.Errors(SchemaValidator.AdaptiveCard15, json);
        Assert.True(errors.Count == 0, $"Card '{IdOf(card)}' fails the Adaptive Card 1.5 schema:\n{string.Join("\n", errors)}");

        var size = CardSerializer.Utf16Bytes(card);
        Assert.True(size < MaxCardBytes, $"Card '{IdOf(card)}' is {size} bytes as UTF-16; the budget is {MaxCardBytes}.");
    }

    /// <summary>A card that may be shared where the bot is absent: no Action.Submit anywhere.</summary>
    public static void IsShareable(AdaptiveCard card)
    {
        IsValid(card);
        var json = CardSerializer.Serialize(card);
        Assert.DoesNotContain("\"Action.Submit\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Action.Execute\"", json, StringComparison.Ordinal);
    }

    /// <summary>Every element or action of the given JSON <c>type</c> (e.g. TextRun, Action.OpenUrl), in document order.</summary>
    public static IEnumerable<JsonElement> ObjectsOf(AdaptiveCard card, string type) =>
        Objects(CardSerializer.ToJsonElement(card)).Where(o => o.TryGetProperty("type", out var t) && t.GetString() == type);

    /// <summary>The <c>text</c> of every element of the given JSON <c>type</c> (e.g. TextBlock, TextRun).</summary>
    public static IEnumerable<string> TextsOf(AdaptiveCard card, string type) =>
        ObjectsOf(card, type).Where(o => o.TryGetProperty("text", out _)).Select(o => o.GetProperty("text").GetString()!);

    /// <summary>Every string value anywhere in the card, for facts-based asserts.</summary>
    public static IEnumerable<string> AllText(AdaptiveCard card) =>
        Strings(CardSerializer.ToJsonElement(card));

    private static IEnumerable<JsonElement> Objects(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => [element, .. element.EnumerateObject().SelectMany(p => Objects(p.Value))],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}

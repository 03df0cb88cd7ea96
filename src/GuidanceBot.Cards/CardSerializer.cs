using System.Text.Json;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Cards;

/// <summary>Turns a card into the JSON the wire carries.</summary>
public static class CardSerializer
{
    public static string Serialize(AdaptiveCard card) =>
        JsonSerializer.Serialize(card, CardJsonContext.Default.AdaptiveCard);

    /// <summary>The card as UTF-8 JSON, the form a reply carries it in.</summary>
    public static byte[] ToUtf8Json(AdaptiveCard card) =>
        JsonSerializer.SerializeToUtf8Bytes(card, CardJsonContext.Default.AdaptiveCard);

    public static JsonElement ToJsonElement(AdaptiveCard card) =>
        JsonSerializer.SerializeToElement(card, CardJsonContext.Default.AdaptiveCard);

    /// <summary>The size Teams counts against its message limit: the payload as UTF-16 (PROTOCOL.md §2.1).</summary>
    public static int Utf16Bytes(AdaptiveCard card) => Serialize(card).Length * sizeof(char);
}

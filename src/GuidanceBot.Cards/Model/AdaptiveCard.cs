using System.Text.Json.Serialization;

namespace GuidanceBot.Cards.Model;

/// <summary>
/// An Adaptive Card (schema 1.5). <see cref="Version"/> is always <see cref="CardVersion"/>. The schema
/// allows no card id: product cards name themselves by the <c>id</c> of their first body element.
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>
    /// The one card version the bot sends: Teams renders 1.5 for bot cards and search results
    /// (PROTOCOL.md §4.4). Raise it here only together with the renderer test.
    /// </summary>
    public const string CardVersion = "1.5";

    [JsonPropertyOrder(-2)]
    public string Type { get; } = "AdaptiveCard";

    [JsonPropertyOrder(-1)]
    public string Version { get; } = CardVersion;

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    public string? Speak { get; init; }

    public string? Lang { get; init; }

    /// <summary>Shown by clients that cannot render the card.</summary>
    public string? FallbackText { get; init; }
}

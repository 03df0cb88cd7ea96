using System.Text.Json.Serialization;

namespace GuidanceBot.Cards.Model;

/// <summary>An Adaptive Card (schema 1.5). <see cref="Version"/> is always <see cref="CardVersion"/>.</summary>
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

    /// <summary>Not part of the rendering: lets tests and the bot tell cards apart.</summary>
    public string? Id { get; init; }

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction>? Actions { get; init; }

    public string? Speak { get; init; }

    public string? Lang { get; init; }

    /// <summary>Shown by clients that cannot render the card.</summary>
    public string? FallbackText { get; init; }

    public CardMsTeams? MsTeams { get; init; }
}

/// <summary>Teams-specific card properties.</summary>
public sealed record CardMsTeams
{
    /// <summary><c>Full</c> makes the card use the chat's full width.</summary>
    public string? Width { get; init; }
}

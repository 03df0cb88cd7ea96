using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GuidanceBot.Cards.Model;

/// <summary>Base of every action; the JSON <c>type</c> names the concrete action (<see cref="ConcreteTypeConverter{T}"/> writes them).</summary>
[JsonConverter(typeof(ConcreteTypeConverter<CardAction>))]
public abstract record CardAction
{
    /// <summary>The action's type name in the Adaptive Card schema, written first.</summary>
    [JsonPropertyOrder(-10)]
    public abstract string Type { get; }

    public string? Title { get; init; }

    public string? Id { get; init; }

    public string? Style { get; init; }

    public string? Tooltip { get; init; }
}

/// <summary>Opens a link; the only action a shared card may carry (it works where the bot is absent).</summary>
public sealed record ActionOpenUrl : CardAction
{
    public override string Type => "Action.OpenUrl";

    public required Uri Url { get; init; }
}

/// <summary>
/// Sends <see cref="Data"/> (merged with the card's inputs) back to the bot as a message activity. Fails in
/// chats where the bot is not a member, so shared cards never contain it.
/// </summary>
public sealed record ActionSubmit : CardAction
{
    public override string Type => "Action.Submit";

    public JsonObject? Data { get; init; }

    /// <summary><c>none</c> skips input validation (e.g. for a "stop" button).</summary>
    public string? AssociatedInputs { get; init; }
}

public sealed record ActionShowCard : CardAction
{
    public override string Type => "Action.ShowCard";

    public required AdaptiveCard Card { get; init; }
}

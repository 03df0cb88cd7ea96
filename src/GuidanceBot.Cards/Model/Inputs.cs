namespace GuidanceBot.Cards.Model;

public sealed record InputText : CardElement
{
    public override string Type => "Input.Text";

    public string? Label { get; init; }

    public string? Placeholder { get; init; }

    public bool? IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    public string? Value { get; init; }
}

/// <summary>A checkbox; its value is <see cref="ValueOn"/> or <see cref="ValueOff"/> (strings, as the schema says).</summary>
public sealed record InputToggle : CardElement
{
    public override string Type => "Input.Toggle";

    public required string Title { get; init; }

    public string? Label { get; init; }

    public string? Value { get; init; }

    public string? ValueOn { get; init; }

    public string? ValueOff { get; init; }

    public bool? Wrap { get; init; }
}

public sealed record InputChoiceSet : CardElement
{
    public override string Type => "Input.ChoiceSet";

    public required IReadOnlyList<Choice> Choices { get; init; }

    public string? Label { get; init; }

    /// <summary><c>compact</c> (drop-down) or <c>expanded</c> (radio buttons / checkboxes).</summary>
    public string? Style { get; init; }

    public bool? IsMultiSelect { get; init; }

    public bool? IsRequired { get; init; }

    public string? ErrorMessage { get; init; }

    public string? Value { get; init; }

    public bool? Wrap { get; init; }
}

/// <summary>One option of an <see cref="InputChoiceSet"/>.</summary>
public sealed record Choice(string Title, string Value);

using System.Text.Json.Serialization;

namespace GuidanceBot.Cards.Model;

/// <summary>Base of every body element; the JSON <c>type</c> names the concrete element (<see cref="ConcreteTypeConverter{T}"/> writes them).</summary>
[JsonConverter(typeof(ConcreteTypeConverter<CardElement>))]
public abstract record CardElement
{
    /// <summary>The element's type name in the Adaptive Card schema, written first.</summary>
    [JsonPropertyOrder(-10)]
    public abstract string Type { get; }

    public string? Id { get; init; }

    public string? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

/// <summary>Text rendered with Markdown; untrusted text never goes here but in a <see cref="RichTextBlock"/> (see <see cref="Blocks.Literal"/>).</summary>
public sealed record TextBlock : CardElement
{
    public override string Type => "TextBlock";

    public required string Text { get; init; }

    public bool? Wrap { get; init; }

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }

    public string? Style { get; init; }

    public int? MaxLines { get; init; }
}

/// <summary>Text made of runs; a run's text is never parsed as Markdown, which makes it safe for highlighting.</summary>
public sealed record RichTextBlock : CardElement
{
    public override string Type => "RichTextBlock";

    public required IReadOnlyList<TextRun> Inlines { get; init; }
}

/// <summary>One run of a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun
{
    public string Type { get; } = "TextRun";

    public required string Text { get; init; }

    public string? Size { get; init; }

    public string? Weight { get; init; }

    public bool? Highlight { get; init; }

    public bool? Italic { get; init; }

    public string? Color { get; init; }

    public bool? IsSubtle { get; init; }
}

public sealed record Container : CardElement
{
    public override string Type => "Container";

    public required IReadOnlyList<CardElement> Items { get; init; }

    public string? Style { get; init; }

    public bool? Bleed { get; init; }
}

public sealed record ColumnSet : CardElement
{
    public override string Type => "ColumnSet";

    public required IReadOnlyList<Column> Columns { get; init; }
}

/// <summary>A column of a <see cref="ColumnSet"/>; <see cref="Width"/> is <c>auto</c>, <c>stretch</c> or a weight.</summary>
public sealed record Column
{
    public string Type { get; } = "Column";

    public required IReadOnlyList<CardElement> Items { get; init; }

    public string? Width { get; init; }

    public string? VerticalContentAlignment { get; init; }
}

public sealed record FactSet : CardElement
{
    public override string Type => "FactSet";

    public required IReadOnlyList<Fact> Facts { get; init; }
}

/// <summary>A title/value pair in a <see cref="FactSet"/>.</summary>
public sealed record Fact(string Title, string Value);

public sealed record ActionSet : CardElement
{
    public override string Type => "ActionSet";

    public required IReadOnlyList<CardAction> Actions { get; init; }
}

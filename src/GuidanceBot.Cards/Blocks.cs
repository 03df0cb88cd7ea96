using GuidanceBot.Cards.Model;

namespace GuidanceBot.Cards;

/// <summary>Tiny helpers for patterns that repeat across product cards.</summary>
public static class Blocks
{
    public static TextBlock Heading(string text) =>
        new() { Text = text, Size = "Large", Weight = "Bolder", Wrap = true, Style = "heading" };

    public static TextBlock Subheading(string text) =>
        new() { Text = text, Size = "Medium", Weight = "Bolder", Wrap = true, Spacing = "Medium" };

    public static TextBlock Paragraph(string text) => new() { Text = text, Wrap = true };

    public static TextBlock Note(string text) => new() { Text = text, Wrap = true, IsSubtle = true, Size = "Small" };

    /// <summary>
    /// Untrusted text shown literally: a RichTextBlock with one run, which no client parses as Markdown.
    /// An optional <paramref name="label"/> (trusted) goes before it.
    /// </summary>
    public static RichTextBlock Literal(string text, string? label = null, bool subtle = false)
    {
        var runs = new List<TextRun>();
        if (label is not null)
        {
            runs.Add(new TextRun { Text = label + ": ", IsSubtle = subtle ? true : null, Weight = "Bolder" });
        }

        runs.Add(new TextRun { Text = CardText.Plain(text), IsSubtle = subtle ? true : null });
        return new RichTextBlock { Inlines = runs };
    }

    /// <summary>A "- item" list as one TextBlock (Teams renders Markdown lists).</summary>
    public static TextBlock Bullets(IEnumerable<string> items) =>
        new() { Text = string.Join("\n", items.Select(i => "- " + i)), Wrap = true };
}

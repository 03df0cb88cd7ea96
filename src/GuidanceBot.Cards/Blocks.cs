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

    /// <summary>A "- item" list as one TextBlock (Teams renders Markdown lists).</summary>
    public static TextBlock Bullets(IEnumerable<string> items) =>
        new() { Text = string.Join("\n", items.Select(i => "- " + i)), Wrap = true };
}

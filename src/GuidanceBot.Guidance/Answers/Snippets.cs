using System.Runtime.CompilerServices;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Answers;

/// <summary>Turns passage text into card text that reads well in ten seconds.</summary>
internal static class Snippets
{
    private const int SeeAlsoLeadLength = 180;

    // A passage's text never changes: its lead is cut once, and kept as long as the passage (its index snapshot) lives.
    private static readonly ConditionalWeakTable<Passage, string> SeeAlsoLeads = [];

    /// <summary>The lead a "Zie ook" entry shows for <paramref name="passage"/>.</summary>
    public static string SeeAlsoLead(Passage passage) =>
        SeeAlsoLeads.GetValue(passage, p => Lead(p.Text, SeeAlsoLeadLength));

    /// <summary>
    /// The snippet as text runs with the query terms highlighted. Runs are never parsed as Markdown,
    /// so passage text cannot turn into links or formatting by accident.
    /// </summary>
    public static IReadOnlyList<TextRun> Highlighted(IReadOnlyList<HighlightSpan> snippet) =>
        [.. snippet
            .Where(span => span.Text.Length > 0)
            .Select(span => span.IsMatch
                ? new TextRun { Text = CardText.Plain(span.Text), Weight = "Bolder", Highlight = true }
                : new TextRun { Text = CardText.Plain(span.Text) })];

    /// <summary>The start of a text, cut at the last sentence end (or word) before <paramref name="maxLength"/>.</summary>
    public static string Lead(string text, int maxLength)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        if (flat.Length <= maxLength)
        {
            return flat;
        }

        var cut = flat[..maxLength];
        var sentenceEnd = cut.LastIndexOfAny(['.', '?', '!']);
        if (sentenceEnd >= maxLength / 2)
        {
            return cut[..(sentenceEnd + 1)];
        }

        var wordEnd = cut.LastIndexOf(' ');
        return (wordEnd > 0 ? cut[..wordEnd] : cut) + " …";
    }
}

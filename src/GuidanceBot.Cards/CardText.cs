using System.Text;

namespace GuidanceBot.Cards;

/// <summary>Makes text safe for a Markdown-rendering TextBlock.</summary>
public static class CardText
{
    // Characters that start Markdown constructs Teams renders (emphasis, links, lists, headings, code, HTML).
    private const string MarkdownSpecials = "\\`*_{}[]()<>#+-.!|~";

    /// <summary>
    /// Escapes Markdown so that user-supplied text is shown literally: no links, emphasis or HTML can be
    /// injected into a card. Control characters (except newlines) are dropped.
    /// </summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\n')
            {
                continue;
            }

            if (MarkdownSpecials.Contains(c, StringComparison.Ordinal))
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

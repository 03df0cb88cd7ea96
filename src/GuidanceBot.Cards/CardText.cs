using System.Text;

namespace GuidanceBot.Cards;

/// <summary>Makes untrusted text (typed by a user, or read from a document) safe to show in a card.</summary>
public static class CardText
{
    private const char WordJoiner = '\u2060';

    /// <summary>
    /// Drops control characters (except newlines), unpaired surrogates and the explicit bidirectional
    /// formatting characters (U+202A–U+202E, U+2066–U+2069), with which typed text could show in a shared card
    /// in another order than it was typed (<c>\u202Egnp.exe</c> reads as "exe.png"). Use the result only in a
    /// <see cref="Model.TextRun"/> (see <see cref="Blocks.Literal"/>): runs are never parsed as Markdown, so
    /// the text cannot become a link, formatting or HTML, and shows exactly as typed — unlike backslash
    /// escapes, which not every Teams client renders. Runs do get the text functions: <c>{{DATE(…)}}</c> and
    /// <c>{{TIME(…)}}</c> would show as a date, so a word joiner (U+2060, invisible) goes between two braces.
    /// </summary>
    public static string Plain(string text)
    {
        // Nearly all text is clean: then it is returned as it is, without a copy.
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && !IsDropped(c))
            {
                if (c == '{' && builder.Length > 0 && builder[^1] == '{')
                {
                    builder.Append(WordJoiner);
                }

                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || IsDropped(c) || (c == '{' && i > 0 && text[i - 1] == '{'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDropped(char c) =>
        (char.IsControl(c) && c != '\n') || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}

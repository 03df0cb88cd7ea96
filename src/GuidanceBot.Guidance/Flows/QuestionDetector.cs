using System.Collections.Frozen;

namespace GuidanceBot.Guidance.Flows;

/// <summary>
/// Tells a question typed in the middle of a flow ("wat is CoMensha?") from an answer to the flow's
/// question: it ends with a question mark or starts with a question word.
/// </summary>
public static class QuestionDetector
{
    private static readonly FrozenSet<string> QuestionWords = FrozenSet.ToFrozenSet(
        ["wat", "wie", "hoe", "waar", "wanneer", "waarom", "welke", "welk", "hoeveel", "waarmee", "wat's"],
        StringComparer.OrdinalIgnoreCase);

    public static bool IsQuestion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        if (trimmed.EndsWith('?'))
        {
            return true;
        }

        var firstSpace = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return firstSpace > 0 && QuestionWords.Contains(trimmed[..firstSpace]);
    }
}

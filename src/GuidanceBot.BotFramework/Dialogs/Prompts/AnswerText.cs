using System.Globalization;
using System.Text;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>Normalizes typed answers for comparison: trimmed, lower-case, accents and end punctuation removed.</summary>
internal static class AnswerText
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).TrimEnd('.', '!', '?', ',', ' ');
    }
}

using System.Globalization;
using System.Text;

namespace GuidanceBot.Knowledge.Ingestion;

/// <summary>Slugs for passage ids.</summary>
internal static class TextNormalizer
{
    /// <summary>Lower-case ASCII slug: diacritics folded, runs of other characters become one '-'.</summary>
    public static string Slug(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingDash = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else
            {
                pendingDash = true;
            }
        }

        return builder.Length == 0 ? "section" : builder.ToString();
    }
}

using System.Text.RegularExpressions;

namespace GuidanceBot.Knowledge.Tests.Content;

/// <summary>
/// Finds Dutch phone numbers in running text and normalises them to digits only, so that
/// <c>0800-2000</c>, <c>0800 2000</c> and <c>(033) 448 11 86</c> compare equal.
/// </summary>
internal static partial class PhoneNumbers
{
    /// <summary>The normalised phone numbers in <paramref name="text"/>; URLs are skipped.</summary>
    public static IReadOnlyList<string> Find(string text) =>
        NumberPattern().Matches(UrlPattern().Replace(text, " ")).Select(m => Normalise(m.Value)).ToList();

    public static string Normalise(string number)
    {
        var digits = new string(number.Where(char.IsAsciiDigit).ToArray());
        return number.TrimStart().StartsWith('+') && digits.StartsWith("31", StringComparison.Ordinal)
            ? "0" + digits[2..]
            : digits;
    }

    // Three shapes: the emergency number 112 on its own; +31 numbers; national numbers that start
    // with 0 (a code of 2–4 digits, optionally in brackets, then 4–7 digits, in groups split by single
    // spaces or dashes). Neighbouring letters, digits, dashes and dots are excluded, so years (2017),
    // dates (2026-11-28), counts (1.363) and ages (12 tot 23) never match.
    [GeneratedRegex(
        @"(?<![\w.,-])(?:112(?![\w-])|\+31[ -]?(?:\(0\)[ -]?)?\d(?:[ -]?\d){7,8}(?![\w-])|\(?0\d{1,3}\)?(?:[ -]?\d){4,7}(?![\w-]))")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}

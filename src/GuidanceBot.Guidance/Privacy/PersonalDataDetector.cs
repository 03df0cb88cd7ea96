using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace GuidanceBot.Guidance.Privacy;

/// <summary>Kinds of personal data a free-text answer must not contain.</summary>
public enum PersonalDataKind
{
    Name,
    Bsn,
    PhoneNumber,
    EmailAddress,
    DateOfBirth,
}

/// <summary>
/// Finds personal data in free text before anything is kept: names (capitalised words that are not a
/// known term), BSN numbers (nine digits passing the elfproef), Dutch phone numbers, e-mail addresses
/// and dates. Deliberately eager: a false alarm costs the user one retyped sentence, a miss stores a
/// minor's data.
/// </summary>
public static partial class PersonalDataDetector
{
    // Capitalised words a professional may well type that are not names of people.
    private static readonly FrozenSet<string> KnownTerms = FrozenSet.ToFrozenSet(
    [
        "CoMensha", "Veilig", "Thuis", "Meldcode", "Meld", "Misdaad", "Anoniem", "Centrum", "Seksueel", "Geweld",
        "Kindertelefoon", "Fier", "Helpwanted", "Politie", "OM", "Openbaar", "Ministerie", "AVIM", "Jeugdzorg",
        "Instagram", "Snapchat", "TikTok", "WhatsApp", "Facebook", "Telegram", "Discord", "YouTube", "Google",
        "LVB", "GGZ", "GGD", "CSG", "NJi", "CKM", "IND", "BSN", "ICT", "Nederland", "Nederlands", "Nederlandse",
        "Teams", "Microsoft", "Vlaggensysteem", "Stappenplan", "RIS-L", "11VB",
        "Maandag", "Dinsdag", "Woensdag", "Donderdag", "Vrijdag", "Zaterdag", "Zondag",
    ], StringComparer.OrdinalIgnoreCase);

    /// <summary>The kinds of personal data found in <paramref name="text"/> (empty when none).</summary>
    public static IReadOnlySet<PersonalDataKind> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new HashSet<PersonalDataKind>();
        if (Email().IsMatch(text))
        {
            found.Add(PersonalDataKind.EmailAddress);
        }

        if (DateLike().IsMatch(text) || WrittenDate().IsMatch(text))
        {
            found.Add(PersonalDataKind.DateOfBirth);
        }

        if (PhoneLike().IsMatch(text))
        {
            found.Add(PersonalDataKind.PhoneNumber);
        }

        if (NineDigits().Matches(text).Any(m => IsElfproef(m.Value)))
        {
            found.Add(PersonalDataKind.Bsn);
        }

        if (ContainsName(Email().Replace(text, " ")))
        {
            found.Add(PersonalDataKind.Name);
        }

        return found;
    }

    /// <summary>The Dutch BSN check: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not 0).</summary>
    public static bool IsElfproef(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (digits[i] - '0');
        }

        sum -= digits[8] - '0';
        return sum != 0 && sum % 11 == 0;
    }

    private static bool ContainsName(string text)
    {
        foreach (var sentence in SentenceSplit().Split(text))
        {
            var words = WordSplit().Split(sentence.Trim()).Where(w => w.Length > 0).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i].Trim('"', '\'', '(', ')', ',', ':', ';', '.', '!', '?');
                if (!IsCapitalisedWord(word) || KnownTerms.Contains(word))
                {
                    continue;
                }

                // A capital at the start of a sentence is grammar, unless the next word is capitalised too ("Anna de Vries").
                if (i > 0 || (i + 1 < words.Count && IsCapitalisedWord(words[i + 1].Trim('"', '\'', ',')) && !KnownTerms.Contains(words[i + 1])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCapitalisedWord(string word) =>
        word.Length >= 2 && char.IsUpper(word[0]) && word.Skip(1).Any(char.IsLower) && word.All(c => char.IsLetter(c) || c is '-' or '\'');

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")]
    private static partial Regex Email();

    // 12-03-2010, 12/3/10, 2010-03-12, 12.03.2010
    [GeneratedRegex(@"\b(\d{1,2}[-/.]\d{1,2}[-/.](\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b")]
    private static partial Regex DateLike();

    [GeneratedRegex(@"\b\d{1,2}\s+(jan(uari)?|feb(ruari)?|maart|mrt|apr(il)?|mei|jun(i)?|jul(i)?|aug(ustus)?|sep(t(ember)?)?|okt(ober)?|nov(ember)?|dec(ember)?)\s+\d{4}\b", RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    // 06-12345678, 06 1234 5678, 0612345678, +31 6 12345678, 010-1234567, 0031612345678
    [GeneratedRegex(@"(\+31|0031|\b0)[\s-]?\(?\d{1,3}\)?([\s-]?\d){6,8}\b")]
    private static partial Regex PhoneLike();

    [GeneratedRegex(@"(?<!\d)\d{9}(?!\d)")]
    private static partial Regex NineDigits();

    [GeneratedRegex(@"(?<=[.!?])\s+|\n")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WordSplit();
}

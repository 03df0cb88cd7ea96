namespace GuidanceBot.Knowledge.Tests.Content;

/// <summary>The one Markdown table of the contacts document: the canonical list of phone numbers.</summary>
internal static class ContactsTable
{
    private const string PhoneColumn = "telefoon";

    public static IReadOnlyList<string> Header() => Rows()[0];

    /// <summary>Normalised numbers from the phone column.</summary>
    public static IReadOnlySet<string> PhoneNumbers()
    {
        var rows = Rows();
        var column = rows[0].ToList().IndexOf(PhoneColumn);
        Assert.True(column >= 0, "The contacts table has no 'telefoon' column");
        return rows.Skip(1).SelectMany(r => Content.PhoneNumbers.Find(r[column])).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Header (lower-cased) and data rows; fails when the document has no table or more than one.</summary>
    private static List<string[]> Rows()
    {
        var tableLines = KnowledgeCorpus.Contacts().BodyLines
            .Select((line, index) => (Line: line.Trim(), Index: index))
            .Where(l => l.Line.StartsWith('|'))
            .ToList();
        Assert.True(tableLines.Count > 2, "The contacts document has no table");
        Assert.True(tableLines[^1].Index - tableLines[0].Index == tableLines.Count - 1, "The contacts document must hold one table");

        var rows = tableLines
            .Where(l => !l.Line.Replace("|", string.Empty, StringComparison.Ordinal).Trim().All(c => c is '-' or ':' or ' '))
            .Select(l => l.Line.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .ToList();
        rows[0] = rows[0].Select(c => c.ToLowerInvariant()).ToArray();
        return rows;
    }
}

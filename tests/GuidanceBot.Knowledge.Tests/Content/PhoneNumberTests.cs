namespace GuidanceBot.Knowledge.Tests.Content;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("Bel Veilig Thuis: 0800-2000.", "08002000")]
    [InlineData("Bel 0800 2000 voor advies", "08002000")]
    [InlineData("politie 0900-8844, vraag naar de AVIM", "09008844")]
    [InlineData("bel 0900-1234", "09001234")]
    [InlineData("kantoor 088-1234567", "0881234567")]
    [InlineData("helpdesk 033-448 11 86 op werkdagen", "0334481186")]
    [InlineData("helpdesk (033) 448 11 86", "0334481186")]
    [InlineData("helpdesk 033 4481186", "0334481186")]
    [InlineData("vanuit het buitenland +31 70 333 44 44", "0703334444")]
    [InlineData("Bel 112.", "112")]
    [InlineData("| Alarmnummer | acuut gevaar | 112 |", "112")]
    public void Find_DutchNumberForm_ReturnsNormalisedNumber(string text, string expected)
    {
        var numbers = PhoneNumbers.Find(text);

        Assert.Equal([expected], numbers);
    }

    [Theory]
    [InlineData("meisjes van 12 tot 23 jaar")]
    [InlineData("op 16 februari 2017 en in 2022")]
    [InlineData("artikel 273f van het Wetboek van Strafrecht")]
    [InlineData("1.363 minderjarige slachtoffers, 1120 meldingen")]
    [InlineData("checked: 2026-11-28")]
    [InlineData("open van 09.00 tot 17.00 uur")]
    [InlineData("Aanwijzing mensenhandel (2022A002)")]
    [InlineData("Bron: https://www.huiselijkgeweld.nl/nieuws/2015/030615_tekort-opvang-en-hulp-loverboyslachtoffers")]
    public void Find_NumbersThatAreNoPhoneNumbers_ReturnsNothing(string text)
    {
        var numbers = PhoneNumbers.Find(text);

        Assert.Empty(numbers);
    }

    [Fact]
    public void ContactsTable_Always_HasTheCanonicalColumns()
    {
        var header = ContactsTable.Header();

        Assert.Equal(["organisatie", "wat", "telefoon", "website", "bereikbaar"], header);
    }

    [Theory]
    [InlineData("112")]
    [InlineData("0800-2000")]
    public void ContactsTable_SafetyNumber_IsListed(string number)
    {
        var numbers = ContactsTable.PhoneNumbers();

        Assert.Contains(PhoneNumbers.Normalise(number), numbers);
    }

    [Fact]
    public void PhoneNumbers_InAnyKnowledgeText_AppearInContactsTable()
    {
        var canonical = ContactsTable.PhoneNumbers();

        var strays = KnowledgeCorpus.AllMarkdownFiles()
            .SelectMany(path => PhoneNumbers.Find(File.ReadAllText(path))
                .Where(n => !canonical.Contains(n))
                .Select(n => $"{Path.GetFileName(path)}: {n}"))
            .Distinct()
            .ToList();

        Assert.True(strays.Count == 0, "Phone numbers missing from the contacts table: " + string.Join(", ", strays));
    }
}

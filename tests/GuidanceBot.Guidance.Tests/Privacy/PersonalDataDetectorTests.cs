using GuidanceBot.Guidance.Privacy;

namespace GuidanceBot.Guidance.Tests.Privacy;

public sealed class PersonalDataDetectorTests
{
    [Theory]
    [InlineData("Komt vaak laat thuis en is erg moe.")]
    [InlineData("ze heeft een nieuwe telefoon en twee vriendinnen minder")]
    [InlineData("Contact via Snapchat en Instagram, volgens mij ook TikTok.")]
    [InlineData("Overleg gehad met Veilig Thuis en de aandachtsfunctionaris.")]
    [InlineData("LVB, 15 jaar, woont in een groep.")]
    [InlineData("Gemeld bij CoMensha op maandag.")]
    [InlineData("Er zijn 123 berichten per dag.")]
    public void Find_OrdinaryNote_FindsNothing(string text)
    {
        var found = PersonalDataDetector.Find(text);

        Assert.Empty(found);
    }

    [Theory]
    [InlineData("Ze gaat veel om met Kevin.", PersonalDataKind.Name)]
    [InlineData("Fatima Yilmaz is weer weggelopen.", PersonalDataKind.Name)]
    [InlineData("De vriend heet Mo en heeft een auto.", PersonalDataKind.Name)]
    [InlineData("bsn 111222333", PersonalDataKind.Bsn)]
    [InlineData("bel haar op 06-12345678", PersonalDataKind.PhoneNumber)]
    [InlineData("nummer 06 1234 5678", PersonalDataKind.PhoneNumber)]
    [InlineData("+31 6 12345678 is van hem", PersonalDataKind.PhoneNumber)]
    [InlineData("mail naar jongere@example.nl", PersonalDataKind.EmailAddress)]
    [InlineData("geboren 12-03-2010", PersonalDataKind.DateOfBirth)]
    [InlineData("geboren op 3 maart 2011", PersonalDataKind.DateOfBirth)]
    public void Find_PersonalData_FindsItsKind(string text, PersonalDataKind expected)
    {
        var found = PersonalDataDetector.Find(text);

        Assert.Contains(expected, found);
    }

    [Theory]
    [InlineData("111222333", true)]
    [InlineData("123456782", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    public void IsElfproef_NineDigits_ChecksTheElevenTest(string digits, bool expected)
    {
        var valid = PersonalDataDetector.IsElfproef(digits);

        Assert.Equal(expected, valid);
    }
}

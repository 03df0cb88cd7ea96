namespace GuidanceBot.Cards.Tests;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("[klik](https://evil.example)", "\\[klik\\]\\(https://evil\\.example\\)")]
    [InlineData("**vet** _schuin_", "\\*\\*vet\\*\\* \\_schuin\\_")]
    [InlineData("<img src=x>", "\\<img src=x\\>")]
    [InlineData("# kop", "\\# kop")]
    [InlineData("gewone tekst", "gewone tekst")]
    [InlineData("bel\u0007 mij\r\n", "bel mij\n")]
    public void Escape_MarkdownAndControlCharacters_AreNeutralised(string input, string expected)
    {
        Assert.Equal(expected, CardText.Escape(input));
    }
}

using GuidanceBot.Cards.Model;

namespace GuidanceBot.Cards.Tests;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("[klik](https://evil.example)", "[klik](https://evil.example)")]
    [InlineData("bel\u0007 mij\r\n", "bel mij\n")]
    [InlineData("emoji 😀 blijft", "emoji 😀 blijft")]
    public void Plain_DropsControlCharactersAndBrokenSurrogates_KeepsTheRest(string input, string expected)
    {
        Assert.Equal(expected, CardText.Plain(input));
    }

    [Theory]
    [InlineData("foto\u202Egnp.exe", "fotognp.exe")]
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", "abcde")]
    [InlineData("\u2066x\u2067y\u2068z\u2069", "xyz")]
    public void Plain_BidirectionalOverridesAndIsolates_AreDropped(string input, string expected)
    {
        Assert.Equal(expected, CardText.Plain(input));
    }

    [Fact]
    public void Plain_JoinersAndMarksThatWordsAndEmojiNeed_AreKept()
    {
        // Zero-width joiner (family emoji) and the left-to-right mark change no order on their own.
        var text = "gezin 👩\u200D👧 en \u200Emark";

        Assert.Same(text, CardText.Plain(text));
    }

    [Fact]
    public void Plain_UnpairedSurrogate_IsDropped()
    {
        var broken = "half " + (char)0xD800 + " surrogaat";

        Assert.Equal("half  surrogaat", CardText.Plain(broken));
    }

    [Fact]
    public void Plain_SurrogateAtTheEndOrLowAlone_IsDropped()
    {
        Assert.Equal("eind ", CardText.Plain("eind " + (char)0xD83D));
        Assert.Equal("laag  alleen", CardText.Plain("laag " + (char)0xDE00 + " alleen"));
    }

    [Theory]
    [InlineData("{{DATE(2017-02-14T06:08:39Z, LONG)}}")]
    [InlineData("om {{TIME(2017-02-14T06:08:39Z)}} uur")]
    [InlineData("{{{{")]
    public void Plain_DoubleBraces_AreKeptApartSoNoTextFunctionRuns(string text)
    {
        var plain = CardText.Plain(text);

        Assert.DoesNotContain("{{", plain, StringComparison.Ordinal);
        Assert.Equal(text, plain.Replace("\u2060", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_CleanText_IsReturnedWithoutACopy()
    {
        var clean = "Bel Veilig Thuis: 0800-2000 😀\nof 112.";

        Assert.Same(clean, CardText.Plain(clean));
    }

    [Fact]
    public void Literal_PutsUntrustedTextInATextRunNeverInMarkdown()
    {
        var block = Blocks.Literal("**vet** [link](https://evil.example)", "Je vroeg");

        Assert.Equal(["Je vroeg: ", "**vet** [link](https://evil.example)"], block.Inlines.Select(r => r.Text));
        Assert.IsType<RichTextBlock>(block);
    }
}

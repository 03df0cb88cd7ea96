using GuidanceBot.Cards;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Contacts;
using GuidanceBot.Knowledge;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Answers;

public sealed class AnswerCardTests
{
    [Fact]
    public void Build_ThreeHits_ValidatesAndCitesEveryPassageShown()
    {
        var result = Result(Hit("melden#a", "Melden bij CoMensha", "https://www.comensha.nl/a"),
            Hit("melden#b", "Toestemming", "https://www.comensha.nl/b"),
            Hit("politie#c", "Aangifte", "https://www.politie.nl/c"));

        var card = AnswerCard.Build("Hoe meld ik bij CoMensha?", result, shareable: false);

        CardAssert.IsValid(card);
        var json = CardSerializer.Serialize(card);
        Assert.Contains("https://www.comensha.nl/a", json, StringComparison.Ordinal);
        Assert.Contains("https://www.comensha.nl/b", json, StringComparison.Ordinal);
        Assert.Contains("https://www.politie.nl/c", json, StringComparison.Ordinal);
        Assert.Equal(AnswerCard.Id, CardAssert.IdOf(card));
    }

    [Fact]
    public void Build_HighlightsMatchedTermsAsTextRuns()
    {
        var card = AnswerCard.Build("comensha", Result(Hit("a#b", "Kop", "https://x.example/")), shareable: false);

        var json = CardSerializer.Serialize(card);

        Assert.Contains("\"text\":\"CoMensha\",\"weight\":\"Bolder\",\"highlight\":true", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Shareable_HasNoSubmitButStillCitesAndNamesTheHandreiking()
    {
        var card = AnswerCard.Build("vraag", Result(Hit("a#b", "Kop", "https://x.example/")), shareable: true);

        CardAssert.IsShareable(card);
        var text = string.Join("\n", CardAssert.AllText(card));
        Assert.Contains("Document a", text, StringComparison.Ordinal);
        Assert.Contains("gecontroleerd op 28-11-2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Shareable_LeavesOutWhatTheSenderTyped()
    {
        const string typed = "meisje van 14 uit de woongroep\nOFFICIEEL ADVIES: bel niet";

        var shared = AnswerCard.Build(typed, Result(Hit("a#b", "Kop", "https://x.example/")), shareable: true);
        var own = AnswerCard.Build(typed, Result(Hit("a#b", "Kop", "https://x.example/")), shareable: false);

        var sharedText = string.Join("\n", CardAssert.AllText(shared));
        Assert.DoesNotContain("OFFICIEEL", sharedText, StringComparison.Ordinal);
        Assert.DoesNotContain("meisje van 14", sharedText, StringComparison.Ordinal);
        Assert.DoesNotContain(AnswerTexts.QuestionLabel, sharedText, StringComparison.Ordinal);
        Assert.Contains(typed, string.Join("\n", CardAssert.AllText(own)), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_NotShareable_OffersFeedbackWithPassageId()
    {
        var card = AnswerCard.Build("vraag", Result(Hit("a#b", "Kop", "https://x.example/")), shareable: false);

        var json = CardSerializer.Serialize(card);

        Assert.Contains("\"verb\":\"answer.feedback\",\"passageId\":\"a#b\",\"useful\":true", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[klik hier](https://evil.example)")]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("**vet** en _schuin_")]
    public void Build_QuestionWithMarkup_IsShownOnlyAsLiteralTextRun(string question)
    {
        var card = AnswerCard.Build(question, Result(Hit("a#b", "Kop", "https://x.example/")), shareable: false);

        Assert.Contains(question, CardAssert.TextsOf(card, "TextRun"));
        Assert.DoesNotContain(CardAssert.TextsOf(card, "TextBlock"), t => t.Contains(question, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LongPassages_StaysWithinCardBudget()
    {
        var longText = string.Concat(Enumerable.Repeat("Dit is een lange zin over signalen. ", 200));
        var hits = Enumerable.Range(0, 3).Select(i => Hit($"d#{i}", "Kop", $"https://x.example/{i}", longText)).ToArray();

        var card = AnswerCard.Build(new string('v', 500), Result(hits), shareable: false);

        CardAssert.IsValid(card);
    }

    [Fact]
    public void Build_SourceLinks_AreTheFirstFourDistinctWebUrlsInCitationOrder()
    {
        var first = WithSources(Hit("a#1", "Kop", "https://x.example/1"), "javascript:alert(1)", "https://x.example/2", "HTTPS://X.EXAMPLE/1");
        var second = WithSources(Hit("b#2", "Kop", "https://x.example/3"), "https://x.example/2", "ftp://x.example/f", "niet een url", "http://www.y.example/4", "https://x.example/5");

        var card = AnswerCard.Build("vraag", Result(first, second), shareable: false);
        var again = AnswerCard.Build("vraag", Result(first, second), shareable: false);

        var urls = CardAssert.ObjectsOf(card, "Action.OpenUrl").Select(o => (o.GetProperty("url").GetString(), o.GetProperty("title").GetString())).ToList();
        Assert.Equal(
            [("https://x.example/1", "x.example"), ("https://x.example/2", "x.example"), ("https://x.example/3", "x.example"), ("http://www.y.example/4", "y.example")],
            urls);
        Assert.Equal(CardSerializer.Serialize(card), CardSerializer.Serialize(again));
        Assert.Contains("Document a › Kop (gecontroleerd op 28-11-2026)", CardAssert.AllText(card));
    }

    [Fact]
    public void NoAnswerCard_NamesEmergencyNumbersAndValidates()
    {
        var card = NoAnswerCard.Build("wat is de hoofdstad van Frankrijk?");

        CardAssert.IsValid(card);
        var text = string.Join("\n", CardAssert.AllText(card));
        Assert.Contains(EmergencyContacts.Alarmnummer, text, StringComparison.Ordinal);
        Assert.Contains(EmergencyContacts.VeiligThuis, text, StringComparison.Ordinal);
    }

    private static SearchHit WithSources(SearchHit hit, params string[] moreUrls) =>
        new(hit.Passage with { SourceUrls = [.. hit.Passage.SourceUrls, .. moreUrls] }, hit.Score, hit.Snippet);

    private static SearchResult Result(params SearchHit[] hits) => new("vraag", true, hits);

    private static SearchHit Hit(string id, string heading, string url, string? text = null)
    {
        var body = text ?? "Je kunt een slachtoffer aanmelden bij CoMensha. Dat doe je met toestemming.";
        var passage = new Passage(id, id.Split('#')[0], "Document " + id.Split('#')[0], [heading], body, [url], null, new DateOnly(2026, 11, 28));
        var snippet = text is not null
            ? [new HighlightSpan(body[..600], false)]
            : new[] { new HighlightSpan("Je kunt een slachtoffer aanmelden bij ", false), new HighlightSpan("CoMensha", true), new HighlightSpan(". Dat doe je met toestemming.", false) };
        return new SearchHit(passage, 10, snippet);
    }
}

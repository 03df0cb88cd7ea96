using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Contacts;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Flows;

public sealed partial class SummaryCardTests
{
    private static readonly FlowCitations Citations = new(new FakePassageSearch());

    // The numbers FACTS.md §m gives; a card may show no other.
    private static readonly string[] AllowedNumbers =
    [
        EmergencyContacts.Alarmnummer, EmergencyContacts.VeiligThuis, ReferralContacts.PolitieGeenSpoed,
        ReferralContacts.MeldMisdaadAnoniem, ReferralContacts.CoMensha, ReferralContacts.CentrumSeksueelGeweld,
    ];

    public static TheoryData<string, AdaptiveCard> ShareableCards => new()
    {
        { "melden", MeldenSummaryCard.Build(FullMelden(), MeldenDecision.From(FullMelden().Afwegingen), Citations.For(MeldenSources.Summary)) },
        { "signaleren", SignalerenSummaryCard.Build(new SignalerenState { Signals = ["gedrag.weglopen", "online.bereikbaar"], Lvb = Answer.Ja }, "Komt laat thuis.", Citations.For(SignalerenSources.Summary)) },
        { "risicotaxatie", RisicotaxatieSummaryCard.Build(HighRisk(), RiskAssessment.From(HighRisk()), Citations.For(RisicotaxatieSources.Summary)) },
        { "flow.urgent", UrgentCallCard.Build(Citations.For(UrgentCallCard.Sources)) },
    };

    [Theory]
    [MemberData(nameof(ShareableCards))]
    public void Build_SummaryCard_IsValidAndShareable(string name, AdaptiveCard card)
    {
        var id = CardAssert.IdOf(card);

        CardAssert.IsShareable(card);
        Assert.StartsWith(name, id, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ShareableCards))]
    public void Build_SummaryCard_ShowsOnlyPhoneNumbersFromTheFacts(string name, AdaptiveCard card)
    {
        var json = CardSerializer.Serialize(card);

        var numbers = PhoneNumber().Matches(json).Select(m => m.Value).Distinct().ToList();

        Assert.All(numbers, n => Assert.Contains(n, AllowedNumbers));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Theory]
    [MemberData(nameof(ShareableCards))]
    public void Build_SummaryCard_StaysWellUnderTheTeamsSizeLimit(string name, AdaptiveCard card)
    {
        var bytes = CardSerializer.Utf16Bytes(card);

        Assert.True(bytes < 20 * 1024, $"{name}: {bytes} bytes");
    }

    [Fact]
    public void Build_MeldenSummary_ListsEveryCitedPassageAndLinksAsManyAsTeamsShows()
    {
        var sources = Citations.For(MeldenSources.Summary);
        var card = MeldenSummaryCard.Build(FullMelden(), MeldenDecision.From(FullMelden().Afwegingen), sources);

        var urls = CardAssert.ObjectsOf(card, "Action.OpenUrl").ToList();

        Assert.True(MeldenSources.Summary.Count > FlowCitations.MaxLinks, "the melden summary cites more passages than Teams shows links");
        Assert.Equal(FlowCitations.MaxLinks, urls.Count);
        Assert.All(sources, s => Assert.Contains($"{s.DocumentTitle} › {s.SectionPath}", CardAssert.AllText(card)));
        Assert.Contains(FlowCitations.SourcesHeading, CardSerializer.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MeldenSummary_ShowsDecisionAndNumbersForTheChoices()
    {
        var state = FullMelden();

        var json = AllText(MeldenSummaryCard.Build(state, MeldenDecision.From(state.Afwegingen), []));

        Assert.Contains(MeldenTexts.SummaryTitle, json, StringComparison.Ordinal);
        Assert.Contains(MeldenTexts.DecisionMelden, json, StringComparison.Ordinal);
        Assert.Contains(EmergencyContacts.VeiligThuis, json, StringComparison.Ordinal);
        Assert.Contains(ReferralContacts.CoMensha, json, StringComparison.Ordinal);
        Assert.Contains(ReferralContacts.PolitieGeenSpoed, json, StringComparison.Ordinal);
        Assert.Contains(EmergencyContacts.Alarmnummer, json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_MeldenSummary_NamesWhatEachAfwegingAsked()
    {
        // Shared with colleagues who did not see the questions: "Afweging 2: Ja" alone says nothing to them.
        var state = FullMelden();

        var facts = CardAssert.ObjectsOf(MeldenSummaryCard.Build(state, MeldenDecision.From(state.Afwegingen), []), "FactSet")
            .SelectMany(set => set.GetProperty("facts").EnumerateArray()).Select(f => f.GetProperty("title").GetString()).ToList();

        Assert.Equal(MeldcodeSteps.Afwegingen.Count, MeldcodeSteps.AfwegingLabels.Count);
        Assert.All(MeldcodeSteps.AfwegingLabels.Take(state.Afwegingen.Count), label => Assert.Contains(label, facts));
    }

    [Fact]
    public void NextSteps_AcuteUnsafetyBeforeStepTwo_SaysActNowNotConsultFirst()
    {
        var state = new MeldenState { Afwegingen = [Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja] };

        var steps = MeldenSummaryCard.NextSteps(state, MeldenDecision.From(state.Afwegingen));

        Assert.DoesNotContain(MeldenTexts.NextDoStepTwo, steps);
        Assert.Equal(UrgentTexts.ActFirst, steps[0]);
        Assert.Equal(MeldenTexts.NextDoStepTwoUnlessAcute, steps[1]);
        Assert.Equal(MeldenTexts.NextCallVeiligThuis, steps[2]);
    }

    [Fact]
    public void NextSteps_MeldenAtAfwegingThreeBeforeStepTwo_StillSaysConsultFirst()
    {
        var state = new MeldenState { Afwegingen = [Answer.Ja, Answer.Nee, Answer.Nee, Answer.Ja, Answer.Ja] };

        var steps = MeldenSummaryCard.NextSteps(state, MeldenDecision.From(state.Afwegingen));

        Assert.Equal(MeldenTexts.NextDoStepTwo, steps[0]);
    }

    [Fact]
    public void NextSteps_CoMenshaSixteenOrOlder_DoesNotSayASixteenYearOldSignsAlone()
    {
        var state = new MeldenState { CoMensha = CoMenshaChoice.Aanmelden16Plus };

        var steps = MeldenSummaryCard.NextSteps(state, MeldenDecision.From(state.Afwegingen));

        var coMensha = Assert.Single(steps, s => s.Contains(ReferralContacts.CoMensha, StringComparison.Ordinal));
        Assert.Contains("ouder dan 16", coMensha, StringComparison.Ordinal);
        Assert.Contains("net 16", coMensha, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutKnowledgeIndex_LeavesSourcesOut()
    {
        var sources = new FlowCitations().For(MeldenSources.Summary);

        var json = CardSerializer.Serialize(MeldenSummaryCard.Build(FullMelden(), MeldenDecision.From(FullMelden().Afwegingen), sources));

        Assert.Empty(sources);
        Assert.DoesNotContain("Action.OpenUrl", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RisicotaxatieSummary_SaysItIsNotAValidatedInstrument()
    {
        var text = AllText(RisicotaxatieSummaryCard.Build(HighRisk(), RiskAssessment.From(HighRisk()), []));

        Assert.Contains(FlowTexts.NotAValidatedInstrument, text, StringComparison.Ordinal);
        Assert.Contains(RisicotaxatieTexts.High, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UrgentCard_Puts112First()
    {
        var card = UrgentCallCard.Build([]);

        var first = Assert.IsType<Container>(card.Body[0]);
        var heading = Assert.IsType<TextBlock>(first.Items[0]);
        Assert.Contains(EmergencyContacts.Alarmnummer, heading.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SignalerenSummary_ShowsTheNoteOnlyAsLiteralText()
    {
        var card = SignalerenSummaryCard.Build(new SignalerenState(), "[klik](https://evil.example)", []);

        Assert.Contains("[klik](https://evil.example)", CardAssert.TextsOf(card, "TextRun"));
        Assert.DoesNotContain(CardAssert.TextsOf(card, "TextBlock"), t => t.Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SignalerenSummaryWithoutSignals_SaysNoSignalsIsNotNothing()
    {
        var json = AllText(SignalerenSummaryCard.Build(new SignalerenState(), null, []));

        Assert.Contains(SignalerenTexts.NothingTicked, json, StringComparison.Ordinal);
        Assert.DoesNotContain(SignalerenTexts.LvbTipsTitle, json, StringComparison.Ordinal);
    }

    /// <summary>Every string in the card's JSON, unescaped, one per line.</summary>
    private static string AllText(AdaptiveCard card)
    {
        var values = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var (_, child) in o)
                    {
                        Walk(child);
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Walk(item);
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var text):
                    values.Add(text);
                    break;
            }
        }

        Walk(JsonNode.Parse(CardSerializer.Serialize(card)));
        return string.Join("\n", values);
    }

    private static MeldenState FullMelden() => new()
    {
        AcuteDanger = false,
        MeldcodeStepsDone = ["stap1"],
        Afwegingen = [Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja],
        CoMensha = CoMenshaChoice.AanmeldenJongerDan16,
        Police = PoliceChoice.Melden,
    };

    private static RisicotaxatieState HighRisk() => new()
    {
        RecentSexualViolence = true,
        ExploitationSignals = [RiskItems.Vermist, RiskItems.Dwang],
        RiskFactors = ["risico.lvb"],
        ProtectiveFactors = ["bescherming.netwerk"],
    };

    // Dutch phone numbers as the cards write them: 112, 0800-2000, 0900-8844, 033 448 11 86.
    [GeneratedRegex(@"\b(112|0[89]00[- ]?\d{4}|0\d{2} \d{3} \d{2} \d{2})\b")]
    private static partial Regex PhoneNumber();
}

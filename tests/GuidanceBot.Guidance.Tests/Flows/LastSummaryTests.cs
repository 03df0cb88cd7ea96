using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Guidance.Sharing;
using GuidanceBot.Testing;

namespace GuidanceBot.Guidance.Tests.Flows;

public sealed class LastSummaryTests
{
    private static readonly FlowCitations Citations = new(new FakePassageSearch());
    private static readonly DateTimeOffset Completed = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, LastSummary> Stored => new()
    {
        {
            SignalerenSummaryCard.Id,
            new LastSummary
            {
                CompletedAt = Completed,
                Signaleren = new SignalerenState { SchemaVersion = SignalerenState.CurrentSchemaVersion, Signals = ["gedrag.weglopen"], Lvb = Answer.Ja },
            }
        },
        {
            RisicotaxatieSummaryCard.Id,
            new LastSummary
            {
                CompletedAt = Completed,
                Risicotaxatie = new RisicotaxatieState
                {
                    SchemaVersion = RisicotaxatieState.CurrentSchemaVersion,
                    AcuteDanger = false,
                    RecentSexualViolence = false,
                    ExploitationSignals = [RiskItems.Controle],
                    ProtectiveFactors = ["bescherming.netwerk"],
                },
            }
        },
        {
            MeldenSummaryCard.Id,
            new LastSummary
            {
                CompletedAt = Completed,
                Melden = new MeldenState
                {
                    SchemaVersion = MeldenState.CurrentSchemaVersion,
                    AcuteDanger = false,
                    MeldcodeStepsDone = ["stap1", "stap2"],
                    Afwegingen = [Answer.Ja, Answer.Nee, Answer.Ja, Answer.Ja, Answer.Ja],
                    CoMensha = CoMenshaChoice.NogNiet,
                    Police = PoliceChoice.InformatiefGesprek,
                },
            }
        },
    };

    [Theory]
    [MemberData(nameof(Stored))]
    public void Rebuild_StoredOutcome_GivesTheFlowsSummaryCard_ValidAndShareable(string cardId, LastSummary stored)
    {
        var summary = LastSummaries.Rebuild(stored, Citations);

        Assert.NotNull(summary);
        Assert.Equal(cardId, CardAssert.IdOf(summary.Card));
        Assert.Equal(Completed, summary.CompletedAt);
        Assert.StartsWith(summary.Flow.Name, cardId, StringComparison.OrdinalIgnoreCase);
        CardAssert.IsShareable(summary.Card);
    }

    [Fact]
    public void Rebuild_Signaleren_HasNoNoteSection()
    {
        var stored = new LastSummary
        {
            CompletedAt = Completed,
            Signaleren = new SignalerenState { SchemaVersion = SignalerenState.CurrentSchemaVersion, Signals = ["gedrag.weglopen"] },
        };

        var summary = LastSummaries.Rebuild(stored, Citations)!;

        Assert.DoesNotContain(SignalerenTexts.YourNote, CardAssert.AllText(summary.Card));
    }

    [Fact]
    public void Rebuild_Empty_IsNull()
    {
        Assert.Null(LastSummaries.Rebuild(new LastSummary(), Citations));
        Assert.True(new LastSummary { CompletedAt = Completed }.IsEmpty());
    }

    [Fact]
    public void Rebuild_FlowStateOfAnotherSchemaVersion_IsNull()
    {
        var stored = new LastSummary
        {
            CompletedAt = Completed,
            Melden = new MeldenState { SchemaVersion = MeldenState.CurrentSchemaVersion + 1 },
        };

        Assert.Null(LastSummaries.Rebuild(stored, Citations));
    }

    [Theory]
    [InlineData("samenvatting", true)]
    [InlineData("Mijn laatste samenvatting", true)]
    [InlineData("samenv", true)]
    [InlineData("LAATSTE", true)]
    [InlineData("melden bij CoMensha", false)]
    [InlineData("komt laat thuis", false)]
    [InlineData("", false)]
    public void AsksForSummary_MatchesSummaryWordsAndTheirStart(string text, bool expected) =>
        Assert.Equal(expected, SearchExtension.AsksForSummary(text));

    [Fact]
    public void LastSummaryPreview_SaysWhichFlowAndWhen()
    {
        var text = SharingTexts.LastSummaryPreview(FlowCatalog.Melden.Name, Completed);

        Assert.StartsWith("Melden, afgerond op 28-11-2026 om ", text, StringComparison.Ordinal);
    }
}

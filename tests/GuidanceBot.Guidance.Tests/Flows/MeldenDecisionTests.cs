using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;

namespace GuidanceBot.Guidance.Tests.Flows;

public sealed class MeldenDecisionTests
{
    public static TheoryData<Answer[], MeldenDecisionKind, int> Cases => new()
    {
        { [Answer.Nee, Answer.Nee, Answer.Ja, Answer.Ja, Answer.Ja], MeldenDecisionKind.Afsluiten, 1 },
        { [Answer.Nee, Answer.WeetNiet, Answer.Ja, Answer.Ja, Answer.Ja], MeldenDecisionKind.Afsluiten, 1 },
        // "No suspicion" next to "acute or structural unsafety" contradicts itself: never close the case on it.
        { [Answer.Nee, Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja], MeldenDecisionKind.AdviesVragen, 2 },
        { [Answer.WeetNiet, Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja], MeldenDecisionKind.AdviesVragen, 1 },
        { [Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja, Answer.Ja], MeldenDecisionKind.Melden, 2 },
        { [Answer.Ja, Answer.WeetNiet, Answer.Ja, Answer.Ja, Answer.Ja], MeldenDecisionKind.AdviesVragen, 2 },
        { [Answer.Ja, Answer.Nee, Answer.Nee, Answer.Ja, Answer.Ja], MeldenDecisionKind.Melden, 3 },
        { [Answer.Ja, Answer.Nee, Answer.Ja, Answer.Nee, Answer.Ja], MeldenDecisionKind.Melden, 4 },
        { [Answer.Ja, Answer.Nee, Answer.Ja, Answer.WeetNiet, Answer.Ja], MeldenDecisionKind.AdviesVragen, 4 },
        { [Answer.Ja, Answer.Nee, Answer.Ja, Answer.Ja, Answer.Ja], MeldenDecisionKind.HulpBieden, 5 },
        { [Answer.Ja, Answer.Nee, Answer.Ja, Answer.Ja, Answer.Nee], MeldenDecisionKind.Melden, 5 },
        { [Answer.Ja, Answer.Nee, Answer.Ja, Answer.Ja, Answer.WeetNiet], MeldenDecisionKind.HulpBiedenEnVolgen, 5 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void From_Afwegingen_FollowsTheAfwegingskader(Answer[] answers, MeldenDecisionKind expected, int decidedAt)
    {
        var decision = MeldenDecision.From(answers);

        Assert.Equal(expected, decision.Kind);
        Assert.Equal(decidedAt, decision.DecidedAt);
    }

    [Fact]
    public void From_NoAnswers_AsksForAdvice()
    {
        var decision = MeldenDecision.From([]);

        Assert.Equal(MeldenDecisionKind.AdviesVragen, decision.Kind);
    }
}

using GuidanceBot.Guidance.Flows.Risicotaxatie;

namespace GuidanceBot.Guidance.Tests.Flows;

public sealed class RiskAssessmentTests
{
    [Theory]
    [InlineData(RiskItems.Dwang)]
    [InlineData(RiskItems.Vermist)]
    [InlineData(RiskItems.Seks)]
    [InlineData(RiskItems.Criminaliteit)]
    public void From_SignOfExploitationNow_IsHighWithVeiligThuisToday(string signal)
    {
        var state = new RisicotaxatieState { ExploitationSignals = [signal] };

        var assessment = RiskAssessment.From(state);

        Assert.Equal(Urgency.High, assessment.Urgency);
        Assert.Contains(RisicotaxatieTexts.ActCallVeiligThuis, assessment.Actions);
    }

    [Fact]
    public void From_RecentSexualViolence_IsHighWithCentrumSeksueelGeweld()
    {
        var state = new RisicotaxatieState { RecentSexualViolence = true };

        var assessment = RiskAssessment.From(state);

        Assert.Equal(Urgency.High, assessment.Urgency);
        Assert.Contains(RisicotaxatieTexts.ActCsg, assessment.Actions);
        Assert.Equal(RisicotaxatieTexts.ReasonRecentViolence, assessment.Reasons[0]);
    }

    [Fact]
    public void From_MissingYoungPerson_AddsPoliceAndMissingAction()
    {
        var state = new RisicotaxatieState { ExploitationSignals = [RiskItems.Vermist] };

        var assessment = RiskAssessment.From(state);

        Assert.Contains(RisicotaxatieTexts.ActMissing, assessment.Actions);
    }

    [Fact]
    public void From_TwoRiskFactors_IsRaised()
    {
        var state = new RisicotaxatieState { RiskFactors = ["risico.lvb", "risico.instelling"] };

        var assessment = RiskAssessment.From(state);

        Assert.Equal(Urgency.Raised, assessment.Urgency);
        Assert.Contains(RisicotaxatieTexts.ReasonRiskFactors(2), assessment.Reasons);
    }

    [Fact]
    public void From_NothingTicked_IsAttentionAndSaysNoSignalsIsNotSafe()
    {
        var assessment = RiskAssessment.From(new RisicotaxatieState());

        Assert.Equal(Urgency.Attention, assessment.Urgency);
        Assert.Contains(RisicotaxatieTexts.ActNoSignalsIsNotSafe, assessment.Actions);
    }

    [Fact]
    public void From_ProtectiveFactors_NeverLowerTheLevel()
    {
        var state = new RisicotaxatieState
        {
            ExploitationSignals = [RiskItems.Dwang],
            ProtectiveFactors = [.. RiskItems.ProtectiveFactors.Select(f => f.Id)],
        };

        var assessment = RiskAssessment.From(state);

        Assert.Equal(Urgency.High, assessment.Urgency);
    }
}

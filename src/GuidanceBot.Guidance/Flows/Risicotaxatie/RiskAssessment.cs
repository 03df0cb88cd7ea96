namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>The three urgency levels of the summary (our own ordering, not a validated scale).</summary>
public enum Urgency
{
    Attention,
    Raised,
    High,
}

/// <summary>The outcome shown on the risicotaxatie summary: a level, the reasons for it and what to do.</summary>
public sealed record RiskAssessment(Urgency Urgency, IReadOnlyList<string> Reasons, IReadOnlyList<string> Actions)
{
    private static readonly string[] SevereSignals = [RiskItems.Dwang, RiskItems.Vermist, RiskItems.Seks, RiskItems.Criminaliteit];

    /// <summary>
    /// Orders the answers, safety first: any sign of exploitation happening now (coercion, missing, sex
    /// under pressure, forced crime) or recent sexual violence is high; control, fast change or two or more
    /// risk factors is raised. What helps is shown but never lowers the level.
    /// </summary>
    public static RiskAssessment From(RisicotaxatieState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var signals = RiskItems.ExploitationSignals.Where(s => state.ExploitationSignals.Contains(s.Id)).ToList();
        var reasons = signals.Select(s => s.Label + ".").ToList();
        if (state.RecentSexualViolence == true)
        {
            reasons.Insert(0, RisicotaxatieTexts.ReasonRecentViolence);
        }

        var riskFactors = RiskItems.RiskFactors.Count(f => state.RiskFactors.Contains(f.Id));
        if (riskFactors > 0)
        {
            reasons.Add(RisicotaxatieTexts.ReasonRiskFactors(riskFactors));
        }

        var severe = state.RecentSexualViolence == true || signals.Any(s => SevereSignals.Contains(s.Id));
        if (severe)
        {
            var actions = new List<string> { RisicotaxatieTexts.ActDiscussToday, RisicotaxatieTexts.ActCallVeiligThuis };
            if (state.ExploitationSignals.Contains(RiskItems.Vermist))
            {
                actions.Add(RisicotaxatieTexts.ActMissing);
            }

            if (state.ExploitationSignals.Any(id => id is RiskItems.Dwang or RiskItems.Seks or RiskItems.Criminaliteit))
            {
                actions.Add(RisicotaxatieTexts.ActPolice);
            }

            if (state.RecentSexualViolence == true)
            {
                actions.Add(RisicotaxatieTexts.ActCsg);
            }

            actions.Add(RisicotaxatieTexts.ActMeldcode);
            return new RiskAssessment(Urgency.High, reasons, actions);
        }

        if (signals.Count > 0 || riskFactors >= 2)
        {
            return new RiskAssessment(
                Urgency.Raised,
                reasons,
                [RisicotaxatieTexts.ActDiscussThisWeek, RisicotaxatieTexts.ActInstrument, RisicotaxatieTexts.ActAdvice]);
        }

        return new RiskAssessment(
            Urgency.Attention,
            reasons.Count > 0 ? reasons : [RisicotaxatieTexts.ReasonNoSignals],
            [RisicotaxatieTexts.ActStayAlert, RisicotaxatieTexts.ActNoSignalsIsNotSafe, RisicotaxatieTexts.ActTalk]);
    }
}

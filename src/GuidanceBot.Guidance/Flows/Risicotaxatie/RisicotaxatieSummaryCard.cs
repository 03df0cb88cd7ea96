using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>
/// The risicotaxatie summary: the urgency level with its reasons and actions, what helps, and a plain
/// statement that this is not a validated instrument. Shareable: no submit actions.
/// </summary>
public static class RisicotaxatieSummaryCard
{
    public const string Id = "risicotaxatie.summary";

    public static AdaptiveCard Build(RisicotaxatieState state, RiskAssessment assessment, IReadOnlyList<FlowSource> sources)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(assessment);
        var helps = RiskItems.ProtectiveFactors.Where(f => state.ProtectiveFactors.Contains(f.Id)).Select(f => f.Label).ToList();
        return new AdaptiveCard
        {
            FallbackText = RisicotaxatieTexts.SummaryTitle,
            Body =
            [
                Blocks.Heading(RisicotaxatieTexts.SummaryTitle) with { Id = Id },
                new Container
                {
                    Style = "warning",
                    Items = [Blocks.Paragraph(FlowTexts.NotAValidatedInstrument)],
                },
                Blocks.Subheading(RisicotaxatieTexts.UrgencyHeading),
                new Container
                {
                    Style = assessment.Urgency == Urgency.High ? "attention" : "emphasis",
                    Items = [new TextBlock { Text = Label(assessment.Urgency), Weight = "Bolder", Size = "Medium", Wrap = true }],
                },
                Blocks.Subheading(RisicotaxatieTexts.ReasonsHeading),
                Blocks.Bullets(assessment.Reasons),
                Blocks.Subheading(RisicotaxatieTexts.ActionsHeading),
                Blocks.Bullets(assessment.Actions),
                .. helps.Count == 0
                    ? []
                    : (IEnumerable<CardElement>)
                    [
                        Blocks.Subheading(RisicotaxatieTexts.HelpsHeading),
                        Blocks.Bullets(helps),
                        Blocks.Note(RisicotaxatieTexts.HelpsDoesNotLower),
                    ],
                Blocks.Paragraph(RisicotaxatieTexts.AcuteDangerFooter),
                .. FlowCitations.Block(sources),
            ],
        };
    }

    public static string Label(Urgency urgency) => urgency switch
    {
        Urgency.High => RisicotaxatieTexts.High,
        Urgency.Raised => RisicotaxatieTexts.Raised,
        _ => RisicotaxatieTexts.Attention,
    };
}

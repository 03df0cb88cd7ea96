using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Flows.Signaleren;

namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>The questions of the risicotaxatie flow, built once and asked by key (<see cref="PromptCatalog"/>).</summary>
internal static class RisicotaxatiePrompts
{
    public static PromptOptions AcuteDanger { get; } =
        PromptCards.YesNo(Flow, "acuteDanger", RisicotaxatieTexts.AcuteDangerQuestion, RisicotaxatieTexts.AcuteDangerExample);

    public static PromptOptions RecentViolence { get; } = PromptCards.YesNo(Flow, "recentViolence", RisicotaxatieTexts.RecentViolenceQuestion);

    public static PromptOptions ExploitationSignals { get; } =
        Form("signals", RisicotaxatieTexts.SignalsHeading, [RisicotaxatieTexts.TickWhatApplies], RiskItems.ExploitationSignals);

    public static PromptOptions RiskFactors { get; } =
        Form("riskFactors", RisicotaxatieTexts.RiskFactorsHeading, [RisicotaxatieTexts.TickWhatApplies, FlowTexts.NotAValidatedInstrument], RiskItems.RiskFactors);

    public static PromptOptions ProtectiveFactors { get; } =
        Form("protective", RisicotaxatieTexts.ProtectiveHeading, [RisicotaxatieTexts.TickWhatApplies, RisicotaxatieTexts.ProtectiveNote], RiskItems.ProtectiveFactors);

    public static PromptCatalog Catalog { get; } = new([AcuteDanger, RecentViolence, ExploitationSignals, RiskFactors, ProtectiveFactors]);

    private static FlowInfo Flow => FlowCatalog.Risicotaxatie;

    private static PromptOptions Form(string step, string heading, IReadOnlyList<string> details, IReadOnlyList<Signal> items) =>
        PromptCards.Form(
            Flow,
            step,
            heading,
            details,
            [.. items.Select(i => new InputToggle { Id = i.Id, Title = i.Label, ValueOn = "true", ValueOff = "false", Wrap = true })]);
}

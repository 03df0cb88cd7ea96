using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.Guidance.Flows.Signaleren;

namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>
/// Acute danger first (yes: 112 at the top, the flow ends); then signs of exploitation, risk factors and
/// what helps; ends with an urgency level, its reasons and actions. Not a validated instrument, and says so.
/// </summary>
public sealed class RisicotaxatieDialog : FlowDialog<RisicotaxatieState>
{
    private const string YesNoPrompt = "yesNo";
    private const string FormPrompt = "form";

    private readonly FlowCitations _citations;

    public RisicotaxatieDialog(FlowCitations citations)
        : base(nameof(RisicotaxatieDialog), FlowJsonContext.Default.RisicotaxatieState)
    {
        _citations = citations;
        AddDialog(new ConfirmPrompt(YesNoPrompt, catalog: RisicotaxatiePrompts.Catalog));
        AddDialog(new AdaptiveCardPrompt(FormPrompt, catalog: RisicotaxatiePrompts.Catalog));

        AddSteps(
            AskAcuteDangerStepAsync,
            AskRecentViolenceStepAsync,
            AskExploitationSignalsStepAsync,
            AskRiskFactorsStepAsync,
            AskProtectiveFactorsStepAsync,
            SummarizeStepAsync);
    }

    private static Task<DialogTurnResult> AskAcuteDangerStepAsync(
        FlowStepContext<RisicotaxatieState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(YesNoPrompt, RisicotaxatiePrompts.AcuteDanger, cancellationToken);

    private async Task<DialogTurnResult> AskRecentViolenceStepAsync(
        FlowStepContext<RisicotaxatieState> step, CancellationToken cancellationToken)
    {
        step.State.AcuteDanger = step.Result<bool>();
        if (step.State.AcuteDanger == true)
        {
            await step.Context.SendActivityAsync(
                CardMessage.From(UrgentCallCard.Build(_citations.For(UrgentCallCard.Sources))), cancellationToken);
            return await step.EndDialogAsync(new FlowResult(Id, FlowEndReason.EndedEarly), cancellationToken);
        }

        return await step.PromptAsync(YesNoPrompt, RisicotaxatiePrompts.RecentViolence, cancellationToken);
    }

    private static Task<DialogTurnResult> AskExploitationSignalsStepAsync(
        FlowStepContext<RisicotaxatieState> step, CancellationToken cancellationToken)
    {
        step.State.RecentSexualViolence = step.Result<bool>();
        return step.PromptAsync(FormPrompt, RisicotaxatiePrompts.ExploitationSignals, cancellationToken);
    }

    private static Task<DialogTurnResult> AskRiskFactorsStepAsync(
        FlowStepContext<RisicotaxatieState> step, CancellationToken cancellationToken)
    {
        step.State.ExploitationSignals = Ticked(step.Result<FormSubmission>(), RiskItems.ExploitationSignals);
        return step.PromptAsync(FormPrompt, RisicotaxatiePrompts.RiskFactors, cancellationToken);
    }

    private static Task<DialogTurnResult> AskProtectiveFactorsStepAsync(
        FlowStepContext<RisicotaxatieState> step, CancellationToken cancellationToken)
    {
        step.State.RiskFactors = Ticked(step.Result<FormSubmission>(), RiskItems.RiskFactors);
        return step.PromptAsync(FormPrompt, RisicotaxatiePrompts.ProtectiveFactors, cancellationToken);
    }

    private async Task<DialogTurnResult> SummarizeStepAsync(
        FlowStepContext<RisicotaxatieState> step, CancellationToken cancellationToken)
    {
        step.State.ProtectiveFactors = Ticked(step.Result<FormSubmission>(), RiskItems.ProtectiveFactors);
        var card = RisicotaxatieSummaryCard.Build(step.State, RiskAssessment.From(step.State), _citations.For(RisicotaxatieSources.Summary));
        await step.Context.SendActivityAsync(CardMessage.From(card), cancellationToken);
        step.Context.TurnState.Set(CompletedFlowSummary.Of(step.State));
        await step.Context.SendActivityAsync(CardMessage.From(NextStepsCard.Build(FlowCatalog.Melden, FlowCatalog.Signaleren)), cancellationToken);
        return await step.EndDialogAsync(new FlowResult(Id, FlowEndReason.Completed), cancellationToken);
    }

    private static List<string> Ticked(FormSubmission form, IReadOnlyList<Signal> items) =>
        [.. items.Where(i => form.IsOn(i.Id)).Select(i => i.Id)];
}

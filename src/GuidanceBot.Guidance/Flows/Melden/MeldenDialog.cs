using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Dialogs.Prompts;

namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>
/// Walks a professional through the Meldcode: acute danger first, the steps already taken, the
/// afwegingskader, aanmelding bij CoMensha and what to do with the police. Ends with a shareable
/// Meldingsvoorbereiding: the choices, the decision, next steps with phone numbers, and sources.
/// </summary>
public sealed class MeldenDialog : FlowDialog<MeldenState>
{
    private const string YesNoPrompt = "yesNo";
    private const string StepsPrompt = "steps";
    private const string AfwegingPrompt = "afweging";
    private const string ChoicePrompt = "choice";

    private readonly FlowCitations _citations;

    public MeldenDialog(FlowCitations citations)
        : base(nameof(MeldenDialog), FlowJsonContext.Default.MeldenState)
    {
        _citations = citations;
        AddDialog(new ConfirmPrompt(YesNoPrompt, catalog: MeldenPrompts.Catalog));
        AddDialog(new AdaptiveCardPrompt(StepsPrompt, catalog: MeldenPrompts.Catalog));
        AddDialog(new AdaptiveCardPrompt(AfwegingPrompt, ValidateAfweging, MeldenPrompts.Catalog));
        AddDialog(new ChoicePrompt(ChoicePrompt, catalog: MeldenPrompts.Catalog));

        AddSteps(
            AskAcuteDangerStepAsync,
            AskStepsDoneStepAsync,
            AskAfwegingskaderStepAsync,
            AskCoMenshaStepAsync,
            AskPoliceStepAsync,
            SummarizeStepAsync);
    }

    private static Task<DialogTurnResult> AskAcuteDangerStepAsync(FlowStepContext<MeldenState> step, CancellationToken cancellationToken) =>
        step.PromptAsync(YesNoPrompt, MeldenPrompts.AcuteDanger, cancellationToken);

    private async Task<DialogTurnResult> AskStepsDoneStepAsync(FlowStepContext<MeldenState> step, CancellationToken cancellationToken)
    {
        step.State.AcuteDanger = step.Result<bool>();
        if (step.State.AcuteDanger == true)
        {
            await step.Context.SendActivityAsync(
                CardMessage.From(UrgentCallCard.Build(_citations.For(UrgentCallCard.Sources))), cancellationToken);
            return await step.EndDialogAsync(new FlowResult(Id, FlowEndReason.EndedEarly), cancellationToken);
        }

        return await step.PromptAsync(StepsPrompt, MeldenPrompts.StepsDone, cancellationToken);
    }

    private static Task<DialogTurnResult> AskAfwegingskaderStepAsync(FlowStepContext<MeldenState> step, CancellationToken cancellationToken)
    {
        var done = step.Result<FormSubmission>();
        step.State.MeldcodeStepsDone = [.. MeldcodeSteps.FirstThree.Where(s => done.IsOn(s.Id)).Select(s => s.Id)];
        return step.PromptAsync(AfwegingPrompt, MeldenPrompts.Afwegingen, cancellationToken);
    }

    private static Task<DialogTurnResult> AskCoMenshaStepAsync(FlowStepContext<MeldenState> step, CancellationToken cancellationToken)
    {
        var form = step.Result<FormSubmission>();
        step.State.Afwegingen = [.. MeldcodeSteps.Afwegingen.Select((_, i) => AnswerOf(form.Get(MeldcodeSteps.AfwegingId(i))))];
        return step.PromptAsync(ChoicePrompt, MeldenPrompts.CoMensha, cancellationToken);
    }

    private static Task<DialogTurnResult> AskPoliceStepAsync(FlowStepContext<MeldenState> step, CancellationToken cancellationToken)
    {
        step.State.CoMensha = Enum.Parse<CoMenshaChoice>(step.Result<FoundChoice>().Value);
        return step.PromptAsync(ChoicePrompt, MeldenPrompts.Police, cancellationToken);
    }

    private async Task<DialogTurnResult> SummarizeStepAsync(FlowStepContext<MeldenState> step, CancellationToken cancellationToken)
    {
        step.State.Police = Enum.Parse<PoliceChoice>(step.Result<FoundChoice>().Value);
        var decision = MeldenDecision.From(step.State.Afwegingen);
        var card = MeldenSummaryCard.Build(step.State, decision, _citations.For(MeldenSources.Summary));
        await step.Context.SendActivityAsync(CardMessage.From(card), cancellationToken);
        step.Context.TurnState.Set(CompletedFlowSummary.Of(step.State));
        return await step.EndDialogAsync(new FlowResult(Id, FlowEndReason.Completed), cancellationToken);
    }

    private static PromptValidation ValidateAfweging(FormSubmission form)
    {
        var missing = MeldcodeSteps.Afwegingen
            .Select((_, i) => (Number: i + 1, Value: form.Get(MeldcodeSteps.AfwegingId(i))))
            .Where(x => x.Value is not (AnswerChoices.Yes or AnswerChoices.No or AnswerChoices.DontKnow))
            .Select(x => x.Number)
            .ToList();
        return missing.Count == 0 ? PromptValidation.Valid : PromptValidation.Invalid(MeldenTexts.AnswerAll(missing));
    }

    private static Answer AnswerOf(string? value) => value switch
    {
        AnswerChoices.Yes => Answer.Ja,
        AnswerChoices.No => Answer.Nee,
        _ => Answer.WeetNiet,
    };
}

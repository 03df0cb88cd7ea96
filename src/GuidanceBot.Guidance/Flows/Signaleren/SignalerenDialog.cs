using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.Guidance.Privacy;

namespace GuidanceBot.Guidance.Flows.Signaleren;

/// <summary>
/// Walks a professional through the signal domains (one card of toggles per domain), asks about an LVB
/// and an optional note, and ends with a shareable summary: what was seen, what it can mean, what to do.
/// </summary>
public sealed class SignalerenDialog : FlowDialog<SignalerenState>
{
    private const string DomainPrompt = "domain";
    private const string LvbPrompt = "lvb";
    private const string NotePrompt = "note";
    private const int MaxNoteLength = 300;

    private readonly FlowCitations _citations;

    public SignalerenDialog(FlowCitations citations)
        : base(nameof(SignalerenDialog), FlowJsonContext.Default.SignalerenState)
    {
        _citations = citations;
        AddDialog(new AdaptiveCardPrompt(DomainPrompt, catalog: SignalerenPrompts.Catalog));
        AddDialog(new ChoicePrompt(LvbPrompt, catalog: SignalerenPrompts.Catalog));
        AddDialog(new TextPrompt(NotePrompt, ValidateNote, SignalerenPrompts.Catalog));

        AddSteps(
        [
            .. SignalDomains.All.Select((_, index) => AskDomainStep(index)),
            AskLvbStepAsync,
            AskNoteStepAsync,
            SummarizeStepAsync,
        ]);
    }

    /// <summary>The note may not be given after the retries: the summary is still worth sending, without a note.</summary>
    protected override Task<DialogTurnResult> OnRetryLimitReachedAsync(
        FlowStepContext<SignalerenState> stepContext, PromptRetryLimitReached limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return limit.PromptId == NotePrompt
            ? SummarizeStepAsync(stepContext, cancellationToken)
            : base.OnRetryLimitReachedAsync(stepContext, limit, cancellationToken);
    }

    private static FlowStep<SignalerenState> AskDomainStep(int index) => (step, cancellationToken) =>
    {
        RecordTickedSignals(step);
        return step.PromptAsync(DomainPrompt, SignalerenPrompts.Domains[index], cancellationToken);
    };

    private static Task<DialogTurnResult> AskLvbStepAsync(FlowStepContext<SignalerenState> step, CancellationToken cancellationToken)
    {
        RecordTickedSignals(step);
        return step.PromptAsync(LvbPrompt, SignalerenPrompts.Lvb, cancellationToken);
    }

    private static Task<DialogTurnResult> AskNoteStepAsync(FlowStepContext<SignalerenState> step, CancellationToken cancellationToken)
    {
        step.State.Lvb = AnswerChoices.ToAnswer(step.Result<FoundChoice>());
        return step.PromptAsync(NotePrompt, SignalerenPrompts.Note, cancellationToken);
    }

    // The note is used here and now and never stored: it reaches this step in memory, in the same turn.
    private async Task<DialogTurnResult> SummarizeStepAsync(FlowStepContext<SignalerenState> step, CancellationToken cancellationToken)
    {
        var note = step.TryGetResult<string>(out var text) && !AnswerChoices.IsNo(text) ? text : null;
        var sources = _citations.For(SignalerenSources.Summary);
        await step.Context.SendActivityAsync(CardMessage.From(SignalerenSummaryCard.Build(step.State, note, sources)), cancellationToken);
        step.Context.TurnState.Set(CompletedFlowSummary.Of(step.State));
        await step.Context.SendActivityAsync(
            CardMessage.From(NextStepsCard.Build(FlowCatalog.Risicotaxatie, FlowCatalog.Melden)), cancellationToken);
        return await step.EndDialogAsync(new FlowResult(Id, FlowEndReason.Completed), cancellationToken);
    }

    private static void RecordTickedSignals(FlowStepContext<SignalerenState> step)
    {
        if (!step.TryGetResult<FormSubmission>(out var form))
        {
            return;
        }

        foreach (var signal in SignalDomains.All.SelectMany(d => d.Signals))
        {
            if (form.IsOn(signal.Id) && !step.State.Signals.Contains(signal.Id))
            {
                step.State.Signals.Add(signal.Id);
            }
        }
    }

    private static PromptValidation ValidateNote(string note)
    {
        if (AnswerChoices.IsNo(note))
        {
            return PromptValidation.Valid;
        }

        if (PersonalDataDetector.Find(note).Count > 0)
        {
            return PromptValidation.Invalid(SignalerenTexts.NoteHasPersonalData);
        }

        return note.Length <= MaxNoteLength
            ? PromptValidation.Valid
            : PromptValidation.Invalid(SignalerenTexts.NoteTooLong(MaxNoteLength));
    }
}

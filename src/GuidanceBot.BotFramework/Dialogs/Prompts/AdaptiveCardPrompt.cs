using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks with an Adaptive Card form and returns its submitted inputs as a <see cref="FormSubmission"/>.
/// Typed text is not an answer. The validator checks the inputs; an invalid form is re-asked with the
/// reason, and the same card is shown again.
/// </summary>
public sealed class AdaptiveCardPrompt : Prompt<FormSubmission>
{
    public AdaptiveCardPrompt(string dialogId, PromptValidator<FormSubmission>? validator = null, PromptCatalog? catalog = null)
        : base(dialogId, validator, catalog)
    {
    }

    protected override PromptRecognition<FormSubmission> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return PromptSubmit.IsCardSubmit(activity)
            ? PromptRecognition.Success(new FormSubmission(PromptSubmit.ReadInputs(activity)))
            : PromptRecognition.Failed<FormSubmission>();
    }
}

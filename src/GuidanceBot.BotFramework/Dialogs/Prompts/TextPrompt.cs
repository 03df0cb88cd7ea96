using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>Asks for typed text; a card submit or an empty message is not an answer.</summary>
public sealed class TextPrompt : Prompt<string>
{
    public TextPrompt(string dialogId, PromptValidator<string>? validator = null, PromptCatalog? catalog = null)
        : base(dialogId, validator, catalog)
    {
    }

    public override bool WaitsForFreeText(DialogInstance instance) => true;

    protected override PromptRecognition<string> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return !PromptSubmit.IsCardSubmit(activity) && !string.IsNullOrWhiteSpace(activity.Text)
            ? PromptRecognition.Success(activity.Text.Trim())
            : PromptRecognition.Failed<string>();
    }
}

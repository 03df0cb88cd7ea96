using System.Globalization;
using System.Text;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks for typed text; a card submit, an empty message, or text with nothing visible in it (only
/// control, direction or zero-width characters, which cards drop) is not an answer.
/// </summary>
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
        return !PromptSubmit.IsCardSubmit(activity) && activity.Text is { } text && HasVisibleCharacter(text)
            ? PromptRecognition.Success(text.Trim())
            : PromptRecognition.Failed<string>();
    }

    // Broken UTF-16 (a lone surrogate) reads as the replacement character: it is dropped from cards as well.
    private static bool HasVisibleCharacter(string text) =>
        text.EnumerateRunes().Any(r =>
            r != Rune.ReplacementChar
            && !Rune.IsWhiteSpace(r)
            && !Rune.IsControl(r)
            && Rune.GetUnicodeCategory(r) != UnicodeCategory.Format);
}

using System.Collections.Frozen;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks a yes/no question. Accepts Dutch and English words typed in any case (ja, j, klopt, oké, nee, n, …)
/// and a card button's <c>answer</c> (<c>ja</c>/<c>nee</c>, <c>true</c>/<c>false</c>).
/// </summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    private static readonly FrozenSet<string> Yes =
        FrozenSet.ToFrozenSet(["ja", "j", "jawel", "jazeker", "zeker", "klopt", "ok", "oke", "yes", "y", "true"], StringComparer.Ordinal);

    private static readonly FrozenSet<string> No =
        FrozenSet.ToFrozenSet(["nee", "n", "neen", "niet", "nope", "no", "false"], StringComparer.Ordinal);

    public ConfirmPrompt(string dialogId, PromptValidator<bool>? validator = null, PromptCatalog? catalog = null)
        : base(dialogId, validator, catalog)
    {
    }

    /// <summary>The answer for yes, as a card button should submit it.</summary>
    public const string YesValue = "ja";

    /// <summary>The answer for no, as a card button should submit it.</summary>
    public const string NoValue = "nee";

    protected override PromptRecognition<bool> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var answer = AnswerText.Normalize(PromptSubmit.ReadAnswer(activity) ?? activity.Text);
        if (Yes.Contains(answer))
        {
            return PromptRecognition.Success(true);
        }

        return No.Contains(answer) ? PromptRecognition.Success(false) : PromptRecognition.Failed<bool>();
    }
}

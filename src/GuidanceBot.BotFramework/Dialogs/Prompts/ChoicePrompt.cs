using System.Globalization;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Asks to pick one of <see cref="PromptOptions.Choices"/>: by a card button whose <c>answer</c> is the
/// choice value, or by typing the value, a synonym, or the choice's number (1-based).
/// </summary>
public sealed class ChoicePrompt : Prompt<FoundChoice>
{
    public ChoicePrompt(string dialogId, PromptValidator<FoundChoice>? validator = null, PromptCatalog? catalog = null)
        : base(dialogId, validator, catalog)
    {
    }

    protected override PromptRecognition<FoundChoice> Recognize(Activity activity, PromptOptions options)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        var choices = options.Choices ?? [];
        var answer = AnswerText.Normalize(PromptSubmit.ReadAnswer(activity) ?? activity.Text);
        if (answer.Length == 0)
        {
            return PromptRecognition.Failed<FoundChoice>();
        }

        for (var i = 0; i < choices.Count; i++)
        {
            var choice = choices[i];
            if (AnswerText.Normalize(choice.Value) == answer
                || (choice.Synonyms ?? []).Any(s => AnswerText.Normalize(s) == answer))
            {
                return PromptRecognition.Success(new FoundChoice(choice.Value, i));
            }
        }

        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= choices.Count)
        {
            return PromptRecognition.Success(new FoundChoice(choices[number - 1].Value, number - 1));
        }

        return PromptRecognition.Failed<FoundChoice>();
    }
}

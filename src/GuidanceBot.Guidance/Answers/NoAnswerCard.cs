using System.Text.Json.Nodes;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Routing;
using GuidanceBot.Guidance.Welcome;

namespace GuidanceBot.Guidance.Answers;

/// <summary>
/// The honest "no good answer" card: says so plainly, offers the guided flows, and always lists 112 and
/// Veilig Thuis.
/// </summary>
public static class NoAnswerCard
{
    public const string Id = "no-answer";

    public static AdaptiveCard Build(string question) => new()
    {
        FallbackText = AnswerTexts.NoAnswerFallback,
        Body =
        [
            Blocks.Heading(AnswerTexts.NoAnswerTitle) with { Id = Id },
            Blocks.Literal(question, AnswerTexts.QuestionLabel, subtle: true),
            Blocks.Paragraph(AnswerTexts.NoAnswerBody),
            Blocks.Subheading(AnswerTexts.NoAnswerTips),
            Blocks.Bullets([AnswerTexts.NoAnswerRephrase, AnswerTexts.NoAnswerFlows, AnswerTexts.NoAnswerAsk]),
            new Container { Style = "attention", Spacing = "Medium", Items = [Blocks.Paragraph(AnswerTexts.SafetyLine)] },
        ],
        Actions =
        [
            Command(WelcomeTexts.SignalerenButton, Commands.Signaleren),
            Command(WelcomeTexts.RisicoButton, Commands.Risico),
            Command(WelcomeTexts.MeldenButton, Commands.Melden),
        ],
    };

    private static ActionSubmit Command(string title, string command) => new()
    {
        Title = title,
        Data = new JsonObject { [Commands.ValueKey] = command },
    };
}

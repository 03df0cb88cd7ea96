using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Routing;

namespace GuidanceBot.Guidance.Flows;

/// <summary>
/// The question cards of the flows. Every answer button carries the flow and step it belongs to (the
/// prompt adds its nonce when it sends the card); every card has a stop button. The options carry the card
/// id as their <see cref="PromptOptions.Key"/>: each flow builds its questions once, into its
/// <see cref="PromptCatalog"/>, and a waiting prompt stores only that key.
/// </summary>
internal static class PromptCards
{
    /// <summary>The card id of a flow step: <c>{command}.{step}</c>.</summary>
    public static string CardId(FlowInfo flow, string step) => $"{flow.Command}.{step}";

    /// <summary>A yes/no question for a <see cref="ConfirmPrompt"/>.</summary>
    public static PromptOptions YesNo(FlowInfo flow, string step, string question, params string[] details) => new()
    {
        Key = CardId(flow, step),
        Prompt = Card(flow, step, question, details, [],
            [Answer(flow, step, FlowTexts.Yes, ConfirmPrompt.YesValue), Answer(flow, step, FlowTexts.No, ConfirmPrompt.NoValue)]),
        RetryPrompt = Text(FlowTexts.ChooseYesOrNo),
    };

    /// <summary>A question with one button per choice for a <see cref="ChoicePrompt"/>; typing the title works too.</summary>
    public static PromptOptions Choice(
        FlowInfo flow, string step, string question, IReadOnlyList<CardChoice> choices, params string[] details) => new()
        {
            Key = CardId(flow, step),
            Prompt = Card(flow, step, question, details, [], [.. choices.Select(c => Answer(flow, step, c.Title, c.Value))]),
            RetryPrompt = Text(FlowTexts.ChooseOption),
            Choices = [.. choices.Select(c => new BotFramework.Dialogs.Prompts.Choice(c.Value) { Synonyms = [c.Title] })],
        };

    /// <summary>A form for an <see cref="AdaptiveCardPrompt"/>: inputs, then one submit button.</summary>
    public static PromptOptions Form(
        FlowInfo flow, string step, string heading, IReadOnlyList<string> details, IReadOnlyList<CardElement> inputs) => new()
        {
            Key = CardId(flow, step),
            Prompt = Card(flow, step, heading, details, inputs, [Answer(flow, step, FlowTexts.Next, answer: null)]),
            RetryPrompt = Text(FlowTexts.UseTheCard),
        };

    /// <summary>A plain-text question for a <see cref="TextPrompt"/>.</summary>
    public static PromptOptions FreeText(FlowInfo flow, string step, string question, string retry) =>
        new() { Key = CardId(flow, step), Prompt = Text(question), RetryPrompt = Text(retry) };

    public static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "markdown" };

    private static Activity Card(
        FlowInfo flow, string step, string question, IReadOnlyList<string> details, IReadOnlyList<CardElement> inputs, IReadOnlyList<CardAction> answers) =>
        CardMessage.From(new AdaptiveCard
        {
            FallbackText = question,
            Body =
            [
                Blocks.Note(flow.Name) with { Id = CardId(flow, step) },
                Blocks.Subheading(question),
                .. details.Select(Blocks.Paragraph),
                .. inputs,
            ],
            Actions = [.. answers, StopButton()],
        });

    private static ActionSubmit Answer(FlowInfo flow, string step, string title, string? answer)
    {
        var data = new JsonObject
        {
            [CardVerbs.Key] = CardVerbs.FlowAnswer,
            [CardVerbs.FlowKey] = flow.Command,
            [CardVerbs.StepKey] = step,
        };
        if (answer is not null)
        {
            data[PromptSubmit.AnswerKey] = answer;
        }

        return new ActionSubmit { Title = title, Data = data };
    }

    // Stop needs no inputs: skip the card's input validation so it always works.
    private static ActionSubmit StopButton() => new()
    {
        Title = FlowTexts.StopButton,
        Data = new JsonObject { [Commands.ValueKey] = Commands.Stop },
        AssociatedInputs = "none",
    };
}

/// <summary>A button of a choice question: the title shown and the value submitted.</summary>
internal sealed record CardChoice(string Title, string Value);

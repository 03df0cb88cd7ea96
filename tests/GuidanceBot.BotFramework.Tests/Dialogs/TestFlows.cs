using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using GuidanceBot.BotFramework.Dialogs;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.State;

namespace GuidanceBot.BotFramework.Tests.Dialogs;

/// <summary>The typed state of <see cref="ProfileFlow"/>.</summary>
public sealed class ProfileState : IVersionedState
{
    public static int CurrentSchemaVersion => 2;

    public int SchemaVersion { get; set; }

    public string? Role { get; set; }

    public bool? Agreed { get; set; }

    public string? Colour { get; set; }

    public int Visits { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ProfileState))]
internal sealed partial class TestFlowJsonContext : JsonSerializerContext;

/// <summary>
/// A small flow over every prompt kind: text (with a validator) → confirm → choice → card form → done.
/// </summary>
internal sealed class ProfileFlow : FlowDialog<ProfileState>
{
    public const string RoleQuestion = "Wat is je rol?";
    public const string RoleRetry = "Typ je rol.";
    public const string NoDigits = "Geen cijfers graag.";
    public const string AgreeQuestion = "Akkoord?";
    public const string AgreeRetry = "Antwoord met ja of nee.";
    public const string ColourQuestion = "Welke kleur?";
    public const string FormCardId = "form";
    public const string NeedOne = "Kies minstens één.";
    public const string Done = "Klaar";

    private const string RolePrompt = "role";
    private const string AgreePrompt = "agree";
    private const string ColourPrompt = "colour";
    private const string FormPrompt = "form";

    public ProfileFlow()
        : base(nameof(ProfileFlow), TestFlowJsonContext.Default.ProfileState)
    {
        AddDialog(new TextPrompt(RolePrompt, text => text.Any(char.IsDigit) ? PromptValidation.Invalid(NoDigits) : PromptValidation.Valid));
        AddDialog(new ConfirmPrompt(AgreePrompt));
        AddDialog(new ChoicePrompt(ColourPrompt));
        AddDialog(new AdaptiveCardPrompt(FormPrompt, form => form.IsOn("a") || form.IsOn("b") ? PromptValidation.Valid : PromptValidation.Invalid(NeedOne)));
        AddSteps(AskRoleStepAsync, AskAgreementStepAsync, AskColourStepAsync, AskFormStepAsync, SummarizeStepAsync);
    }

    private Task<DialogTurnResult> AskRoleStepAsync(FlowStepContext<ProfileState> step, CancellationToken cancellationToken)
    {
        step.State.Visits++;
        return step.PromptAsync(RolePrompt, new PromptOptions { Prompt = Text(RoleQuestion), RetryPrompt = Text(RoleRetry) }, cancellationToken);
    }

    private Task<DialogTurnResult> AskAgreementStepAsync(FlowStepContext<ProfileState> step, CancellationToken cancellationToken)
    {
        step.State.Role = step.Result<string>();
        step.State.Visits++;
        return step.PromptAsync(AgreePrompt, new PromptOptions { Prompt = YesNoCard(), RetryPrompt = Text(AgreeRetry) }, cancellationToken);
    }

    private Task<DialogTurnResult> AskColourStepAsync(FlowStepContext<ProfileState> step, CancellationToken cancellationToken)
    {
        step.State.Agreed = step.Result<bool>();
        if (step.State.Agreed == false)
        {
            return step.NextAsync(new FoundChoice("geen", -1), cancellationToken);
        }

        return step.PromptAsync(
            ColourPrompt,
            new PromptOptions
            {
                Prompt = Text(ColourQuestion),
                Choices = [new Choice("rood") { Synonyms = ["red"] }, new Choice("blauw")],
                MaxAttempts = 2,
            },
            cancellationToken);
    }

    private Task<DialogTurnResult> AskFormStepAsync(FlowStepContext<ProfileState> step, CancellationToken cancellationToken)
    {
        step.State.Colour = step.Result<FoundChoice>().Value;
        return step.PromptAsync(FormPrompt, new PromptOptions { Prompt = FormCard() }, cancellationToken);
    }

    private async Task<DialogTurnResult> SummarizeStepAsync(FlowStepContext<ProfileState> step, CancellationToken cancellationToken)
    {
        var form = step.Result<FormSubmission>();
        await step.Context.SendActivityAsync(
            new Activity { Type = ActivityTypes.Message, Text = $"{Done}: {step.State.Role}, {step.State.Agreed}, {step.State.Colour}, a={form.IsOn("a")}, visits={step.State.Visits}" },
            cancellationToken);
        return await step.EndDialogAsync(new FlowResult(Id, FlowEndReason.Completed), cancellationToken);
    }

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static Activity YesNoCard() => Card(new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["id"] = "yesno", ["text"] = AgreeQuestion }),
        ["actions"] = new JsonArray(
            new JsonObject { ["type"] = "Action.Submit", ["title"] = "Ja", ["data"] = new JsonObject { ["answer"] = "ja" } },
            new JsonObject { ["type"] = "Action.Submit", ["title"] = "Nee", ["data"] = new JsonObject { ["answer"] = "nee" } }),
    });

    private static Activity FormCard() => Card(new JsonObject
    {
        ["type"] = "AdaptiveCard",
        ["version"] = "1.5",
        ["body"] = new JsonArray(
            new JsonObject { ["type"] = "TextBlock", ["id"] = FormCardId, ["text"] = "Kies" },
            new JsonObject { ["type"] = "Input.Toggle", ["id"] = "a", ["title"] = "A" },
            new JsonObject { ["type"] = "Input.Toggle", ["id"] = "b", ["title"] = "B" }),
        ["actions"] = new JsonArray(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Verder" }),
    });

    private static Activity Card(JsonObject card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = AttachmentContent.FromElement(System.Text.Json.JsonElement.Parse(card.ToJsonString())) }],
    };
}

/// <summary>Two plain dialogs for replace and cancel tests.</summary>
internal sealed class AskTwiceDialog : ComponentDialog
{
    public AskTwiceDialog(string id, string question)
        : base(id)
    {
        AddDialog(new TextPrompt(id + ".text"));
        AddDialog(new WaterfallDialog(id + ".steps", [
            (step, ct) => step.PromptAsync(id + ".text", question, ct),
            (step, ct) => step.PromptAsync(id + ".text", question + " (2)", ct),
            (step, ct) => step.EndDialogAsync(step.Result<string>(), ct),
        ]));
        InitialDialogId = id + ".steps";
    }
}

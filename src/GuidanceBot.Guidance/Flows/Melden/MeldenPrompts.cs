using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>The questions of the melden flow, built once and asked by key (<see cref="PromptCatalog"/>).</summary>
internal static class MeldenPrompts
{
    public static IReadOnlyList<CardChoice> CoMenshaChoices { get; } =
    [
        new(MeldenTexts.CoMensha16Plus, nameof(CoMenshaChoice.Aanmelden16Plus)),
        new(MeldenTexts.CoMenshaUnder16, nameof(CoMenshaChoice.AanmeldenJongerDan16)),
        new(MeldenTexts.CoMenshaNotYet, nameof(CoMenshaChoice.NogNiet)),
        new(FlowTexts.No, nameof(CoMenshaChoice.Nee)),
    ];

    public static IReadOnlyList<CardChoice> PoliceChoices { get; } =
    [
        new(MeldenTexts.PoliceMelden, nameof(PoliceChoice.Melden)),
        new(MeldenTexts.PoliceGesprek, nameof(PoliceChoice.InformatiefGesprek)),
        new(MeldenTexts.PoliceAnoniem, nameof(PoliceChoice.Anoniem)),
        new(MeldenTexts.PoliceNuNiet, nameof(PoliceChoice.NuNiet)),
    ];

    public static PromptOptions AcuteDanger { get; } =
        PromptCards.YesNo(Flow, "acuteDanger", MeldenTexts.AcuteDangerQuestion, MeldenTexts.AcuteDangerExample);

    public static PromptOptions StepsDone { get; } = PromptCards.Form(
        Flow,
        "steps",
        MeldenTexts.StepsHeading,
        [MeldenTexts.StepsIntro],
        [.. MeldcodeSteps.FirstThree.Select(s => new InputToggle { Id = s.Id, Title = s.Label, ValueOn = "true", ValueOff = "false", Wrap = true })]);

    public static PromptOptions Afwegingen { get; } = PromptCards.Form(
        Flow,
        "afweging",
        MeldenTexts.AfwegingHeading,
        [MeldenTexts.AfwegingIntro],
        [.. MeldcodeSteps.Afwegingen.Select((question, i) => new InputChoiceSet
        {
            Id = MeldcodeSteps.AfwegingId(i),
            Label = question,
            Style = "expanded",
            IsRequired = true,
            ErrorMessage = MeldenTexts.AfwegingError,
            Wrap = true,
            Choices = [.. AnswerChoices.YesNoDontKnow.Select(c => new GuidanceBot.Cards.Model.Choice(c.Title, c.Value))],
        })]);

    public static PromptOptions CoMensha { get; } = PromptCards.Choice(
        Flow, "comensha", MeldenTexts.CoMenshaQuestion, CoMenshaChoices, MeldenTexts.CoMenshaWhat, MeldenTexts.CoMenshaConsent, MeldenTexts.CoMenshaData);

    public static PromptOptions Police { get; } = PromptCards.Choice(
        Flow, "police", MeldenTexts.PoliceQuestion, PoliceChoices,
        MeldenTexts.PoliceReport, MeldenTexts.PoliceInformative, MeldenTexts.PoliceNoComplaintNeeded, MeldenTexts.PoliceAnonymous);

    public static PromptCatalog Catalog { get; } = new([AcuteDanger, StepsDone, Afwegingen, CoMensha, Police]);

    private static FlowInfo Flow => FlowCatalog.Melden;
}

using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Guidance.Flows.Signaleren;

/// <summary>The questions of the signaleren flow, built once and asked by key (<see cref="PromptCatalog"/>).</summary>
internal static class SignalerenPrompts
{
    /// <summary>One card of toggles per signal domain, in the order of <see cref="SignalDomains.All"/>.</summary>
    public static IReadOnlyList<PromptOptions> Domains { get; } = [.. SignalDomains.All.Select(DomainCard)];

    public static PromptOptions Lvb { get; } = PromptCards.Choice(Flow, "lvb", SignalerenTexts.LvbQuestion, AnswerChoices.YesNoDontKnow);

    public static PromptOptions Note { get; } = PromptCards.FreeText(Flow, "note", SignalerenTexts.NoteQuestion, SignalerenTexts.NoteRetry);

    public static PromptCatalog Catalog { get; } = new([.. Domains, Lvb, Note]);

    private static FlowInfo Flow => FlowCatalog.Signaleren;

    private static PromptOptions DomainCard(SignalDomain domain, int index) =>
        PromptCards.Form(
            Flow,
            "domain." + domain.Id,
            domain.Title,
            [SignalerenTexts.Progress(index + 1, SignalDomains.All.Count), index == 0 ? SignalerenTexts.Intro : SignalerenTexts.DomainHint],
            [.. domain.Signals.Select(s => new InputToggle { Id = s.Id, Title = s.Label, ValueOn = "true", ValueOff = "false", Wrap = true })]);
}

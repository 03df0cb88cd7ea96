using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Testing;
using static GuidanceBot.Testing.ExpectedReply;

namespace GuidanceBot.IntegrationTests.Flows;

/// <summary>The conversation scripts of the three flows, played by <see cref="FlowConversationTests"/>.</summary>
public static class FlowScripts
{
    private const string Verder = FlowTexts.Next;

    private static readonly string[] Domains = [.. SignalDomains.All.Select(d => "signaleren.domain." + d.Id)];

    public static TheoryData<ConversationScript> All =>
    [
        .. Signaleren(),
        .. Risicotaxatie(),
        .. Melden(),
        .. AcrossFlows(),
    ];

    private static IEnumerable<ConversationScript> Signaleren()
    {
        var start = new Say("signaleren", Card(Domains[0]));
        var walk = new List<ScriptTurn>
        {
            start,
            new Click(Domains[0], Verder, Card(Domains[1])) { Inputs = On("gedrag.weglopen", "gedrag.slaap") },
            new Click(Domains[1], Verder, Card(Domains[2])),
            new Click(Domains[2], Verder, Card(Domains[3])) { Inputs = On("relaties.ouder") },
            new Click(Domains[3], Verder, Card(Domains[4])),
            new Click(Domains[4], Verder, Card(Domains[5])) { Inputs = On("online.bereikbaar") },
            new Click(Domains[5], Verder, Card(Domains[6])),
            new Click(Domains[6], Verder, Card("signaleren.lvb")),
            new Click("signaleren.lvb", FlowTexts.Yes, Text("Wil je nog een korte notitie")),
        };

        yield return new("signaleren: happy path ends with summary and next steps",
        [
            .. walk,
            new Say("Komt vaak laat thuis en is erg moe.", Card(SignalerenSummaryCard.Id), Card(NextStepsCard.Id)),
        ], ScriptOutcome.NothingStored);

        yield return new("signaleren: a note with a name is re-asked, then left out",
        [
            .. walk,
            new Say("Ze gaat om met Kevin de Boer", Text(SignalerenTexts.NoteHasPersonalData), Text("Wil je nog een korte notitie")),
            new Say("nee", Card(SignalerenSummaryCard.Id), Card(NextStepsCard.Id)),
        ], ScriptOutcome.NothingStored);

        yield return new("signaleren: a note that reads like a question is the note, not a question",
        [
            .. walk,
            new Say("Wie haar 's nachts ophaalt weet ik niet?", Card(SignalerenSummaryCard.Id), Card(NextStepsCard.Id)),
        ], ScriptOutcome.NothingStored);

        yield return new("signaleren: a note that reads like a question still gets the check for names",
        [
            .. walk,
            new Say("Wie is Kevin de Boer?", Text(SignalerenTexts.NoteHasPersonalData), Text("Wil je nog een korte notitie")),
            new Say("nee", Card(SignalerenSummaryCard.Id), Card(NextStepsCard.Id)),
        ], ScriptOutcome.NothingStored);

        yield return new("signaleren: 'stoppen' at the note step stops the flow, it is no note",
        [
            .. walk,
            new Say("Stoppen", Text(FlowTexts.Stopped(FlowCatalog.Signaleren.Name))),
        ], ScriptOutcome.NothingStored);

        yield return new("signaleren: stop mid-way deletes the answers",
        [
            start,
            new Click(Domains[0], Verder, Card(Domains[1])) { Inputs = On("gedrag.weglopen") },
            new Say("stop", Text(FlowTexts.Stopped(FlowCatalog.Signaleren.Name))),
            new Say("stop", Text(FlowTexts.NoFlowRunning)),
        ], ScriptOutcome.NothingStored);

        yield return new("signaleren: typed text on a form is re-asked, then the retry limit stops the flow",
        [
            start,
            new Say("niks gezien", Text(FlowTexts.UseTheCard), Card(Domains[0])),
            new Say("niks gezien", Text(FlowTexts.UseTheCard), Card(Domains[0])),
            new Say("niks gezien", Text(FlowTexts.RetryLimitReached(FlowCatalog.Signaleren.Name))),
        ], ScriptOutcome.NothingStored);

        yield return new("signaleren: a question mid-flow is answered and the card comes back",
        [
            start,
            new Say("wat is CoMensha?", Card(AnswerCard.Id), Text(FlowTexts.ContinueAfterQuestion(FlowCatalog.Signaleren.Name)), Card(Domains[0])),
            new Click(Domains[0], Verder, Card(Domains[1])),
        ], ScriptOutcome.FlowRunning);

        yield return new("signaleren: a click on an old card does not advance",
        [
            start,
            new Click(Domains[0], Verder, Card(Domains[1])),
            new Click(Domains[0], Verder, Text(FlowTexts.StaleCard(FlowCatalog.Signaleren.Name))),
            new Click(Domains[1], Verder, Card(Domains[2])),
        ], ScriptOutcome.FlowRunning);

        yield return new("signaleren: a double click advances once",
        [
            start,
            new Click(Domains[0], Verder, Card(Domains[1])),
            new ClickAgain(Text(FlowTexts.StaleCard(FlowCatalog.Signaleren.Name))),
        ], ScriptOutcome.FlowRunning);
    }

    private static IEnumerable<ConversationScript> Risicotaxatie()
    {
        var start = new Say("risico", Card("risico.acuteDanger"));
        var name = FlowCatalog.Risicotaxatie.Name;

        yield return new("risicotaxatie: happy path ends with urgency and next steps",
        [
            start,
            new Click("risico.acuteDanger", FlowTexts.No, Card("risico.recentViolence")),
            new Click("risico.recentViolence", FlowTexts.No, Card("risico.signals")),
            new Click("risico.signals", Verder, Card("risico.riskFactors")) { Inputs = On(RiskItems.Controle) },
            new Click("risico.riskFactors", Verder, Card("risico.protective")) { Inputs = On("risico.lvb", "risico.instelling") },
            new Click("risico.protective", Verder, Card(RisicotaxatieSummaryCard.Id), Card(NextStepsCard.Id)) { Inputs = On("bescherming.netwerk") },
        ], ScriptOutcome.NothingStored);

        yield return new("risicotaxatie: acute danger ends at once with 112",
        [
            start,
            new Click("risico.acuteDanger", FlowTexts.Yes, Card(UrgentCallCard.Id)),
        ], ScriptOutcome.NothingStored);

        yield return new("risicotaxatie: annuleren mid-way deletes the answers",
        [
            start,
            new Click("risico.acuteDanger", FlowTexts.No, Card("risico.recentViolence")),
            new Say("annuleren", Text(FlowTexts.Stopped(name))),
        ], ScriptOutcome.NothingStored);

        yield return new("risicotaxatie: an unclear answer is re-asked, then the retry limit stops the flow",
        [
            start,
            new Say("misschien", Text(FlowTexts.ChooseYesOrNo), Card("risico.acuteDanger")),
            new Say("misschien", Text(FlowTexts.ChooseYesOrNo), Card("risico.acuteDanger")),
            new Say("misschien", Text(FlowTexts.RetryLimitReached(name))),
        ], ScriptOutcome.NothingStored);

        yield return new("risicotaxatie: a question mid-flow is answered and the question comes back",
        [
            start,
            new Say("Hoe werkt 11VB?", Card(AnswerCard.Id), Text(FlowTexts.ContinueAfterQuestion(name)), Card("risico.acuteDanger")),
            new Say("nee", Card("risico.recentViolence")),
        ], ScriptOutcome.FlowRunning);

        yield return new("risicotaxatie: 'ja' on an old acute-danger card is ignored",
        [
            start,
            new Click("risico.acuteDanger", FlowTexts.No, Card("risico.recentViolence")),
            new Click("risico.acuteDanger", FlowTexts.Yes, Text(FlowTexts.StaleCard(name))),
            new Click("risico.recentViolence", FlowTexts.No, Card("risico.signals")),
        ], ScriptOutcome.FlowRunning);

        yield return new("risicotaxatie: a double click advances once",
        [
            start,
            new Click("risico.acuteDanger", FlowTexts.No, Card("risico.recentViolence")),
            new ClickAgain(Text(FlowTexts.StaleCard(name))),
        ], ScriptOutcome.FlowRunning);
    }

    private static IEnumerable<ConversationScript> Melden()
    {
        var start = new Say("melden", Card("melden.acuteDanger"));
        var name = FlowCatalog.Melden.Name;
        var toAfweging = new ScriptTurn[]
        {
            start,
            new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
            new Click("melden.steps", Verder, Card("melden.afweging")) { Inputs = On("stap1", "stap2") },
        };

        yield return new("melden: happy path ends with the Meldingsvoorbereiding",
        [
            .. toAfweging,
            new Click("melden.afweging", Verder, Card("melden.comensha")) { Inputs = Afweging("ja", "ja", "ja", "ja", "weetniet") },
            new Click("melden.comensha", MeldenTexts.CoMensha16Plus, Card("melden.police")),
            new Click("melden.police", MeldenTexts.PoliceMelden, Card(MeldenSummaryCard.Id)),
        ], ScriptOutcome.NothingStored);

        yield return new("melden: typed choices work too",
        [
            .. toAfweging,
            new Click("melden.afweging", Verder, Card("melden.comensha")) { Inputs = Afweging("nee", "nee", "nee", "nee", "nee") },
            new Say("nee", Card("melden.police")),
            new Say("4", Card(MeldenSummaryCard.Id)),
        ], ScriptOutcome.NothingStored);

        yield return new("melden: acute danger ends at once with 112",
        [
            start,
            new Click("melden.acuteDanger", FlowTexts.Yes, Card(UrgentCallCard.Id)),
            new Click("melden.acuteDanger", FlowTexts.No, Text(FlowTexts.CardNoLongerActive)),
        ], ScriptOutcome.NothingStored);

        yield return new("melden: stop mid-way deletes the answers",
        [
            start,
            new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
            new Say("Stop", Text(FlowTexts.Stopped(name))),
        ], ScriptOutcome.NothingStored);

        yield return new("melden: an incomplete afwegingskader is re-asked with the reason, then the retry limit stops the flow",
        [
            .. toAfweging,
            new Click("melden.afweging", Verder, Text(MeldenTexts.AnswerAll([2, 3, 4, 5])), Card("melden.afweging")) { Inputs = Afweging("ja") },
            new Click("melden.afweging", Verder, Text(MeldenTexts.AnswerAll([5])), Card("melden.afweging")) { Inputs = Afweging("ja", "ja", "nee", "nee") },
            new Click("melden.afweging", Verder, Text(FlowTexts.RetryLimitReached(name))),
        ], ScriptOutcome.NothingStored);

        yield return new("melden: a question mid-flow is answered and the question comes back",
        [
            start,
            new Say("wat is CoMensha?", Card(AnswerCard.Id), Text(FlowTexts.ContinueAfterQuestion(name)), Card("melden.acuteDanger")),
            new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
        ], ScriptOutcome.FlowRunning);

        yield return new("melden: a click on an old card does not advance",
        [
            start,
            new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
            new Click("melden.acuteDanger", FlowTexts.Yes, Text(FlowTexts.StaleCard(name))),
        ], ScriptOutcome.FlowRunning);

        yield return new("melden: a double click advances once",
        [
            start,
            new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
            new ClickAgain(Text(FlowTexts.StaleCard(name))),
        ], ScriptOutcome.FlowRunning);
    }

    private static IEnumerable<ConversationScript> AcrossFlows()
    {
        yield return new("help mid-flow shows the menu and keeps the flow",
        [
            new Say("melden", Card("melden.acuteDanger")),
            new Say("help", Card(WelcomeCard.Id), Text(FlowTexts.StillRunning(FlowCatalog.Melden.Name))),
            new Say("verder", Card("melden.acuteDanger")),
        ], ScriptOutcome.FlowRunning);

        yield return new("another flow's command switches flows",
        [
            new Say("melden", Card("melden.acuteDanger")),
            new Say("signaleren", Text(FlowTexts.Switched(FlowCatalog.Melden.Name, FlowCatalog.Signaleren.Name)), Card(Domains[0])),
        ], ScriptOutcome.FlowRunning);

        yield return new("the welcome card's button starts a flow",
        [
            new Say("menu", Card(WelcomeCard.Id)),
            new Click(WelcomeCard.Id, WelcomeTexts.RisicoButton, Card("risico.acuteDanger")),
        ], ScriptOutcome.FlowRunning);

        yield return new("the stop button on a flow card stops the flow",
        [
            new Say("risico", Card("risico.acuteDanger")),
            new Click("risico.acuteDanger", FlowTexts.StopButton, Text(FlowTexts.Stopped(FlowCatalog.Risicotaxatie.Name))),
        ], ScriptOutcome.NothingStored);

        yield return new("the stop button of an earlier flow's card does not stop the flow running now",
        [
            new Say("signaleren", Card(Domains[0])),
            new Say("stop", Text(FlowTexts.Stopped(FlowCatalog.Signaleren.Name))),
            new Say("risico", Card("risico.acuteDanger")),
            new Click(Domains[0], FlowTexts.StopButton, Text(FlowTexts.StaleCard(FlowCatalog.Risicotaxatie.Name))),
            new Say("verder", Card("risico.acuteDanger")),
        ], ScriptOutcome.FlowRunning);

        yield return new("the stop button of an earlier step's card does not stop the flow either",
        [
            new Say("risico", Card("risico.acuteDanger")),
            new Click("risico.acuteDanger", FlowTexts.No, Card("risico.recentViolence")),
            new Click("risico.acuteDanger", FlowTexts.StopButton, Text(FlowTexts.StaleCard(FlowCatalog.Risicotaxatie.Name))),
        ], ScriptOutcome.FlowRunning);
    }

    private static Dictionary<string, string> On(params string[] ids) => ids.ToDictionary(id => id, _ => "true");

    private static Dictionary<string, string> Afweging(params string[] answers) =>
        answers.Select((a, i) => (Id: MeldcodeSteps.AfwegingId(i), Answer: a)).ToDictionary(x => x.Id, x => x.Answer);
}

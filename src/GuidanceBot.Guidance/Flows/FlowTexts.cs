using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance.Flows;

/// <summary>Dutch texts shared by all flows: stopping, switching, stale cards, questions in between (B1).</summary>
public static class FlowTexts
{
    public const string Yes = "Ja";

    public const string No = "Nee";

    public const string DontKnow = "Weet ik niet";

    public const string Next = "Verder";

    public const string StopButton = "Stoppen";

    public const string ContinueCommand = "verder";

    public const string NoFlowRunning = "Er loopt nu geen stappenplan. Typ **menu** om er een te kiezen.";

    public const string ChooseYesOrNo = "Kies **Ja** of **Nee** op de kaart, of typ ja of nee.";

    public const string ChooseOption = "Kies een van de knoppen op de kaart, of typ het nummer van je keuze.";

    public const string UseTheCard = "Vul de kaart in en klik op **Verder**.";

    public const string CardNoLongerActive =
        "Deze kaart hoort bij een stappenplan dat al klaar of gestopt is. Typ **menu** om opnieuw te beginnen.";

    public const string StateOutdated =
        "Ik kon je stappenplan niet voortzetten, omdat ik ben bijgewerkt. Je antwoorden zijn gewist. Kies hieronder opnieuw.";

    public const string NotAValidatedInstrument =
        "Dit is geen gevalideerd risicotaxatie-instrument. Het helpt je ordenen en vervangt je eigen oordeel en het overleg met collega's niet.";

    public const string AcuteDangerHeading = "Acuut gevaar: bel nu 112";

    public const string NextStepsTitle = "Wat wil je nu doen?";

    public const string PrivacyReminder = "Noem geen namen of andere gegevens van de jongere.";

    public static string Stopped(string flowName) => $"Ik heb **{flowName}** gestopt. Je antwoorden zijn gewist.";

    public static string Switched(string oldFlow, string newFlow) =>
        $"Ik heb **{oldFlow}** gestopt en je antwoorden gewist. We beginnen met **{newFlow}**.";

    public static string AlreadyRunning(string flowName) => $"Je bent al bezig met **{flowName}**. We gaan verder waar je was.";

    public static string StillRunning(string flowName) =>
        $"Je bent nog bezig met **{flowName}**. Typ **verder** om door te gaan of **stop** om te stoppen.";

    public static string StaleCard(string flowName) =>
        $"Die kaart is al gebruikt of hoort bij een eerdere vraag. Ik heb er niets mee gedaan. Gebruik de laatste kaart van **{flowName}**. Zie je die niet? Typ **{ContinueCommand}**.";

    public static string ContinueAfterQuestion(string flowName) =>
        $"Wil je verder met **{flowName}**? Beantwoord dan de vraag hieronder. Typ **stop** om te stoppen.";

    public static string RetryLimitReached(string flowName) =>
        $"Het lukt niet om je antwoord te verwerken. Ik heb **{flowName}** gestopt en je antwoorden gewist. Typ **menu** om opnieuw te beginnen. Is er acuut gevaar? Bel {EmergencyContacts.Alarmnummer}.";
}

using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance.Answers;

/// <summary>Dutch texts of the answer and no-answer cards.</summary>
public static class AnswerTexts
{
    public const string QuestionLabel = "Je vroeg";

    public const string FromLabel = "Uit de handreiking";

    public const string SeeAlso = "Zie ook";

    public const string Sources = "Bronnen";

    public const string CheckedOn = "gecontroleerd op";

    public const string Page = "pagina";

    public const string OpenSource = "Open bron";

    public const string Useful = "Nuttig";

    public const string NotUseful = "Niet nuttig";

    public const string FeedbackThanks = "Dank je. Zo kunnen we de handreikingen in de bot beter maken.";

    public const string SharedNote =
        "Gedeeld uit GuidanceBot. Dit is een stuk uit de handreikingen, geen advies over een bepaalde jongere.";

    public const string NoAnswerTitle = "Hier heb ik geen goed antwoord op";

    public const string NoAnswerBody =
        "In de handreikingen vind ik niets dat goed genoeg past bij je vraag. Ik geef liever geen antwoord dan een verkeerd antwoord.";

    public const string NoAnswerTips = "Wat kun je doen?";

    public const string NoAnswerRephrase = "Stel je vraag anders, met andere woorden of korter.";

    public const string NoAnswerFlows = "Of kies een stappenplan: **signaleren**, **risico** of **melden**.";

    public const string NoAnswerAsk = "Overleg met een collega of de aandachtsfunctionaris van je organisatie.";

    public const string SafetyLine =
        $"Acuut gevaar? Bel **{EmergencyContacts.Alarmnummer}**. Advies of melden: Veilig Thuis **{EmergencyContacts.VeiligThuis}** (gratis, dag en nacht).";

    public const string AnswerFallback = "Antwoord uit de handreikingen van GuidanceBot.";

    public const string NoAnswerFallback = "Geen passend antwoord gevonden. Acuut gevaar? Bel 112. Veilig Thuis: 0800-2000.";
}

using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>Dutch texts of the risicotaxatie flow (B1), from FACTS.md §e and §h.</summary>
public static class RisicotaxatieTexts
{
    public const string AcuteDangerQuestion = "Is de jongere nu in acuut gevaar?";

    public const string AcuteDangerExample =
        "Bijvoorbeeld: er wordt nu gedreigd met geweld, of de jongere wordt ergens vastgehouden.";

    public const string RecentViolenceQuestion = "Is er mogelijk in de afgelopen week seksueel geweld geweest?";

    public const string SignalsHeading = "Zie je nu aanwijzingen voor uitbuiting?";

    public const string RiskFactorsHeading = "Welke risicofactoren zijn er?";

    public const string ProtectiveHeading = "Wat helpt de jongere nu?";

    public const string TickWhatApplies = "Vink aan wat je weet. Niets van toepassing? Klik op **Verder**.";

    public const string ProtectiveNote =
        "Dit zijn punten waar gespecialiseerde hulp aan werkt (Inspectie, 2018). De bron noemt ze geen beschermende factoren.";

    public const string SummaryTitle = "Risico-inschatting";

    public const string UrgencyHeading = "Urgentie";

    public const string ReasonsHeading = "Waarom";

    public const string ActionsHeading = "Wat doe je nu?";

    public const string HelpsHeading = "Wat helpt";

    public const string HelpsDoesNotLower =
        "Wat helpt, verlaagt de urgentie hier niet: veiligheid gaat voor.";

    public const string High = "Hoog: handel vandaag";

    public const string Raised = "Verhoogd: overleg deze week";

    public const string Attention = "Aandacht: blijf alert";

    public const string ReasonRecentViolence = "Mogelijk seksueel geweld in de afgelopen week.";

    public const string ReasonNoSignals = "Je zag geen aanwijzingen voor uitbuiting en weinig risicofactoren.";

    public const string ActDiscussToday = "Bespreek dit vandaag met de aandachtsfunctionaris.";

    public const string ActCallVeiligThuis =
        $"Bel Veilig Thuis: **{EmergencyContacts.VeiligThuis}** (gratis, dag en nacht). Bij acute of structurele onveiligheid is melden de norm.";

    public const string ActMissing =
        $"Is de jongere vermist? Meld het bij de politie. Bij spoed bel je **{EmergencyContacts.Alarmnummer}**.";

    public const string ActPolice =
        $"Meld een vermoeden van mensenhandel bij de politie: **{ReferralContacts.PolitieGeenSpoed}**. Vraag naar een mensenhandelrechercheur (AVIM).";

    public const string ActCsg =
        $"Seksueel geweld korter dan een week geleden: bel het Centrum Seksueel Geweld, **{ReferralContacts.CentrumSeksueelGeweld}** (dag en nacht). Snelle hulp is belangrijk.";

    public const string ActMeldcode = "Volg de stappen van de Meldcode: typ **melden**.";

    public const string ActDiscussThisWeek = "Bespreek je zorg deze week met een collega of de aandachtsfunctionaris.";

    public const string ActInstrument =
        "Gebruik een signaleringsinstrument, zoals 11VB (voor jongeren met een LVB), en leg je signalen feitelijk vast.";

    public const string ActAdvice =
        $"Twijfel je? Vraag advies aan Veilig Thuis: **{EmergencyContacts.VeiligThuis}**.";

    public const string ActStayAlert = "Blijf alert op veranderingen in gedrag, en op een combinatie van signalen.";

    public const string ActNoSignalsIsNotSafe = "Geen signalen betekent niet dat er niets aan de hand is.";

    public const string ActTalk = "Praat met de jongere over relaties, seks en online contacten.";

    public const string AcuteDangerFooter = $"Acuut gevaar? Bel **{EmergencyContacts.Alarmnummer}**.";

    public static string ReasonRiskFactors(int count) =>
        $"{count} {(count == 1 ? "risicofactor" : "risicofactoren")} aangevinkt.";
}

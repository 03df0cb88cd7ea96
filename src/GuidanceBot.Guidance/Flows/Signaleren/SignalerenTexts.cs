using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance.Flows.Signaleren;

/// <summary>Dutch texts of the signaleren flow (B1), each point from FACTS.md §c and §d.</summary>
public static class SignalerenTexts
{
    public const string Intro =
        "We lopen de signalen per domein langs. Vink aan wat je zelf hebt gezien. Niets gezien? Klik dan gewoon op **Verder**.";

    public const string DomainHint = "Let vooral op een combinatie van signalen en op snelle veranderingen in gedrag.";

    public const string LvbQuestion = "Heeft de jongere een licht verstandelijke beperking (LVB), of denk je dat?";

    public const string NoteQuestion =
        "Wil je nog een korte notitie in de samenvatting? Schrijf geen namen, geboortedata, telefoonnummers of e-mailadressen. Typ **nee** als je niets wilt toevoegen.";

    public const string NoteRetry = "Typ je notitie, of typ **nee**.";

    public const string NoteHasPersonalData =
        "In je notitie staat iets dat lijkt op een naam, BSN, telefoonnummer, e-mailadres of datum. Die bewaar ik niet. Laat dat weg en typ je notitie opnieuw, of typ **nee**.";

    public const string SummaryTitle = "Samenvatting signaleren";

    public const string WhatYouSaw = "Wat je zag";

    public const string NothingTicked =
        "Je hebt geen signalen aangevinkt. Let op: geen signalen betekent niet dat er niets aan de hand is.";

    public const string WhatItCanMean = "Wat kan het betekenen?";

    public const string Meaning =
        "Let vooral op een combinatie van signalen en op snelle veranderingen in gedrag. Hoe meer signalen en hoe sneller het gedrag verandert, hoe groter de kans dat de jongere afhankelijk is van een loverboy.";

    public const string OtherCauses =
        "Signalen kunnen ook op iets anders wijzen, zoals huiselijk geweld. Trek dus niet te snel conclusies, en overleg bij twijfel.";

    public const string WhatToDo = "Wat kun je nu doen?";

    public const string Record = "**Leg vast** wat je ziet: feitelijk en objectief, in het dossier (stap 1 van de Meldcode).";

    public const string Discuss =
        "**Bespreek** je zorg met een collega of de aandachtsfunctionaris (stap 2 van de Meldcode). Scheid feiten van je gevoel.";

    public const string Advice =
        $"Vraag bij twijfel **advies** aan Veilig Thuis: {EmergencyContacts.VeiligThuis} (gratis, dag en nacht). Dat kan ook anoniem.";

    public const string Conversation =
        "**Ga in gesprek** met de jongere. Blijf rustig en neutraal, oordeel niet en benoem concreet wat je ziet.";

    public const string DoNotForbid =
        "Verbied het contact niet en praat niet slecht over de vriend. Beloof geen geheimhouding, wel dat je niets doet zonder het eerst met de jongere te bespreken.";

    public const string LvbTipsTitle = "Tips voor het gesprek bij een LVB";

    public const string LvbConcrete = "Gebruik concrete woorden. Vraag naar de apps zelf (Snapchat, Instagram), niet naar 'internet'.";

    public const string LvbRepeat = "Ga er niet van uit dat je vraag begrepen is: laat de jongere het in eigen woorden herhalen.";

    public const string LvbNoFigures = "Vermijd beeldspraak en uitdrukkingen.";

    public const string LvbOneQuestion = "Stel één vraag tegelijk en geef niet meer dan 2 of 3 keuzes.";

    public const string YourNote = "Jouw notitie";

    public const string AcuteDanger = $"Acuut gevaar? Bel **{EmergencyContacts.Alarmnummer}**.";

    public static string NoteTooLong(int max) => $"Houd je notitie kort: niet meer dan {max} tekens. Typ hem opnieuw, of typ **nee**.";

    public static string Progress(int index, int total) => $"Domein {index} van {total}";

    public static string Counted(int signals, int domains) =>
        $"Je zag **{signals}** {(signals == 1 ? "signaal" : "signalen")} in **{domains}** {(domains == 1 ? "domein" : "domeinen")}.";
}

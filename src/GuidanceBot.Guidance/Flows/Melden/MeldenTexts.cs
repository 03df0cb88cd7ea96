using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>Dutch texts of the melden flow (B1), from FACTS.md §f, §g and §h.</summary>
public static class MeldenTexts
{
    public const string AcuteDangerQuestion = "Is de jongere nu in acuut gevaar?";

    public const string AcuteDangerExample = "Bij acuut gevaar bel je eerst 112. Daarna kun je de Meldcode verder volgen.";

    public const string StepsHeading = "Welke stappen van de Meldcode heb je al gezet?";

    public const string StepsIntro =
        "De Meldcode huiselijk geweld en kindermishandeling geldt ook bij loverboys en mensenhandel. Hij heeft vijf stappen. Vink aan wat je al hebt gedaan.";

    public const string AfwegingHeading = "Stap 4 en 5: wegen en beslissen";

    public const string AfwegingIntro =
        "Het afwegingskader helpt je beslissen: melden bij Veilig Thuis, hulp bieden, of allebei. Beantwoord de vijf vragen. Twijfel je? Kies **Weet ik niet**.";

    public const string AfwegingError = "Kies een antwoord.";

    public const string CoMenshaQuestion = "Wil je de jongere ook aanmelden bij CoMensha?";

    public const string CoMenshaWhat =
        "CoMensha registreert (vermoedelijke) slachtoffers van mensenhandel en helpt bij opvang. Dat is iets anders dan melden bij de politie. Alle (vermoedelijke) slachtoffers van seksuele uitbuiting horen aangemeld te worden.";

    public const string CoMenshaConsent =
        "Je hebt schriftelijke toestemming nodig. Is de jongere ouder dan 16? Dan tekent de jongere zelf. Jonger dan 16? Dan tekenen de ouders of de voogd.";

    public const string CoMenshaData =
        "CoMensha legt onder meer vast: de vorm van uitbuiting, land van herkomst, leeftijd, geslacht en wie aanmeldt. Voor opvang ook gezondheid en achtergrond. Gegevens gaan zonder naam naar de Nationaal Rapporteur.";

    public const string CoMensha16Plus = "Ja, 16 jaar of ouder";

    public const string CoMenshaUnder16 = "Ja, jonger dan 16";

    public const string CoMenshaNotYet = "Nog niet / weet ik niet";

    public const string PoliceQuestion = "Wat wil je met de politie doen?";

    public const string PoliceReport =
        $"Een vermoeden van uitbuiting meld je bij de politie: {ReferralContacts.PolitieGeenSpoed}. Vraag naar een mensenhandelrechercheur (AVIM).";

    public const string PoliceInformative =
        "Voordat een slachtoffer aangifte doet, is er altijd eerst een informatief gesprek met een gespecialiseerde rechercheur. Daarna kiest de jongere zelf.";

    public const string PoliceNoComplaintNeeded = "Mensenhandel is geen klachtdelict: politie en OM kunnen ook zonder aangifte onderzoek doen.";

    public const string PoliceAnonymous = $"Anoniem melden kan bij Meld Misdaad Anoniem: {ReferralContacts.MeldMisdaadAnoniem}.";

    public const string PoliceMelden = "Vermoeden melden";

    public const string PoliceGesprek = "Informatief gesprek regelen";

    public const string PoliceAnoniem = "Anoniem melden";

    public const string PoliceNuNiet = "Nu nog niets";

    public const string SummaryTitle = "Meldingsvoorbereiding";

    public const string SummaryIntro = "Een overzicht van je keuzes en de volgende stappen. Er staan geen gegevens van de jongere in.";

    public const string ChoicesHeading = "Jouw keuzes";

    public const string DecisionHeading = "Besluit";

    public const string NextHeading = "Volgende stappen";

    public const string FactAcuteDanger = "Acuut gevaar";

    public const string FactStepsDone = "Stappen gezet";

    public const string FactNoStepsDone = "nog geen";

    public const string FactCoMensha = "CoMensha";

    public const string FactPolice = "Politie";

    public const string DecisionMelden = "Melden bij Veilig Thuis.";

    public const string DecisionHulp = "Hulp bieden of organiseren, en afsluiten met afspraken om de veiligheid te blijven volgen.";

    public const string DecisionHulpVolgen = "Hulp bieden of organiseren. Volg of de hulp op tijd genoeg veiligheid geeft; zo niet, dan meld je alsnog.";

    public const string DecisionAfsluiten = "Er is geen vermoeden: sluit af en leg vast wat je hebt gedaan.";

    public const string DecisionAdvies = "Je twijfelt nog. Vraag eerst advies aan Veilig Thuis.";

    public const string NextCallVeiligThuis =
        $"Bel Veilig Thuis: **{EmergencyContacts.VeiligThuis}** (gratis, dag en nacht).";

    public const string NextAdviceVeiligThuis =
        $"Vraag advies aan Veilig Thuis: **{EmergencyContacts.VeiligThuis}**. Dat kan ook anoniem.";

    public const string NextTellClient =
        "Bespreek met de jongere (en de ouders) dat je een melding doet, tenzij dat de veiligheid in gevaar brengt.";

    public const string NextKeepWorking = "Een melding betekent niet dat je de hulp overdraagt: je werkt samen met Veilig Thuis aan veiligheid.";

    public const string NextOfferHelp = "Maak concrete afspraken over de hulp en over hoe je de veiligheid volgt.";

    public const string NextRecord = "Leg vast wat je hebt gedaan en waarom je afsluit.";

    public const string NextDoStepTwo = "Overleg eerst met een deskundige collega of de aandachtsfunctionaris (stap 2).";

    public const string NextDoStepTwoUnlessAcute =
        "Is het niet acuut, maar wel structureel onveilig? Overleg dan eerst met een deskundige collega of de aandachtsfunctionaris (stap 2).";

    public const string NextInformAttentionOfficer = "Houd de aandachtsfunctionaris op de hoogte.";

    public const string NextCoMensha16Plus =
        $"Aanmelden bij CoMensha: is de jongere ouder dan 16, dan tekent de jongere zelf de toestemmingsverklaring. Is de jongere net 16? Vraag dan aan de helpdesk wie tekent. Helpdesk: **{ReferralContacts.CoMensha}** (ma–vr 9–17 uur), {ReferralContacts.CoMenshaEmail}.";

    public const string NextCoMenshaUnder16 =
        $"Aanmelden bij CoMensha: de ouders of de voogd tekenen de toestemmingsverklaring. Helpdesk: **{ReferralContacts.CoMensha}** (ma–vr 9–17 uur), {ReferralContacts.CoMenshaEmail}.";

    public const string NextCoMenshaNotYet =
        $"Denk aan aanmelden bij CoMensha als het om (vermoedelijke) seksuele uitbuiting gaat. Vragen? Helpdesk: **{ReferralContacts.CoMensha}**.";

    public const string NextPoliceMelden =
        $"Politie: **{ReferralContacts.PolitieGeenSpoed}**, vraag naar een mensenhandelrechercheur (AVIM).";

    public const string NextPoliceGesprek =
        $"Regel een informatief gesprek met een mensenhandelrechercheur via **{ReferralContacts.PolitieGeenSpoed}**. Daarna kiest de jongere of die aangifte doet.";

    public const string NextPoliceAnoniem = $"Meld Misdaad Anoniem: **{ReferralContacts.MeldMisdaadAnoniem}**.";

    // Only what FACTS.md (richtlijnenjeugdhulp.nl, overleg met politie en justitie) says: talks can affect the
    // evidence, so coordinate. An earlier "vraag zelf niet door" went beyond that source.
    public const string NextCoordinate =
        "Jouw gesprekken met de jongere over wat er gebeurd is, kunnen het bewijs in een strafzaak beïnvloeden. Stem je stappen daarom af met politie en justitie.";

    public const string AcuteDangerFooter = $"Acuut gevaar? Bel **{EmergencyContacts.Alarmnummer}**.";

    public const string NumbersChange = "Telefoonnummers en openingstijden kunnen veranderen. Controleer ze bij de organisatie.";

    public static string AnswerAll(IEnumerable<int> missing) =>
        $"Beantwoord alle vijf vragen. Nog open: vraag {string.Join(", ", missing)}.";

    public static string DecidedAt(int question) => $"Dit volgt uit vraag {question} van het afwegingskader.";
}

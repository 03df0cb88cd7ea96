namespace GuidanceBot.Guidance.Flows.Signaleren;

/// <summary>One signal a professional can tick; <see cref="Id"/> is stored, the label is not.</summary>
public sealed record Signal(string Id, string Label);

/// <summary>A domain of signals, asked on one card.</summary>
public sealed record SignalDomain(string Id, string Title, IReadOnlyList<Signal> Signals);

/// <summary>
/// The signals per domain, shortened to B1 from FACTS.md §c (sources: meldpuntloverboyproblematiektwente.nl,
/// keerpunt.chat, veiligthuishaaglanden.nl, veiligheidshuiszeeland.nl, maakhetzichtbaar.nl, hetckm.nl,
/// shop-jeugd-denhaag.nl, gedwongenprostitutie.meldmisdaadanoniem.nl, nji.nl, jeugdbeschermingrotterdamrijnmond.nl).
/// Ids are stored in flow state: never reuse an id for another meaning.
/// </summary>
public static class SignalDomains
{
    public static IReadOnlyList<SignalDomain> All { get; } =
    [
        new("gedrag", "Gedrag",
        [
            new("gedrag.brutaal", "Plotseling brutaal, seksueel getinte opmerkingen of snel wisselende emoties"),
            new("gedrag.conflicten", "Veel ruzie: thuis, op school, bij de club of met vrienden"),
            new("gedrag.weglopen", "Weglopen, laat of niet thuiskomen, niet duidelijk waar de jongere is"),
            new("gedrag.slaap", "Slaapproblemen, concentratieproblemen of een verstoord dag-nachtritme"),
            new("gedrag.smoesjes", "Smoesjes, leugens, ontwijkende antwoorden of teruggetrokken gedrag"),
            new("gedrag.uitgaan", "Vaak uitgaan, veel op straat, mogelijk drank of drugs"),
            new("gedrag.agressie", "Agressie, vechten of crimineel gedrag, zoals drugs verkopen"),
            new("gedrag.seksueel", "Opvallend seksueel gedrag: veel seksuele kennis, wisselende contacten of juist angst voor aanraking"),
        ]),
        new("uiterlijk", "Uiterlijk en bezittingen",
        [
            new("uiterlijk.kleding", "Plotseling uitdagende kleding, veel make-up of er ouder uitzien"),
            new("uiterlijk.spullen", "Nieuwe dure spullen, veel cadeaus of onverklaarbaar veel geld"),
            new("uiterlijk.telefoons", "Meer dan één telefoon"),
            new("uiterlijk.tatoeage", "Een tatoeage met een naam, letter of symbool, of de wens daartoe"),
            new("uiterlijk.schulden", "Plotseling hoge schulden"),
            new("uiterlijk.verandering", "Een grote verandering van het uiterlijk"),
        ]),
        new("relaties", "Relaties en omgeving",
        [
            new("relaties.ouder", "Omgang met (veel) oudere mensen of met mensen die rond de school hangen"),
            new("relaties.opgehaald", "Opgewacht worden, of steeds met een auto of scooter gehaald en gebracht"),
            new("relaties.nieuwecontacten", "Veel nieuwe contacten, geheimzinnig daarover, of contacten die bazig of controlerend zijn"),
            new("relaties.isolatie", "Zich afzonderen van vrienden, alleen nog omgaan met de vriend, bang zijn voor de vriend"),
            new("relaties.plekken", "Verblijven in woningen van anderen, hotelkamers of andere afgelegen plekken"),
            new("relaties.thuis", "Problemen thuis"),
            new("relaties.ongelijk", "Een ongelijke relatie, of vastzitten in een relatie"),
        ]),
        new("school", "School, werk en dagbesteding",
        [
            new("school.spijbelen", "Spijbelen (vooral rond het weekend), lagere cijfers, weinig interesse"),
            new("school.uitval", "Stoppen met school of veel verzuim"),
            new("school.dagbesteding", "Geen duidelijke dagbesteding"),
            new("school.nachtwerk", "Nachtelijke 'bijbaantjes'"),
            new("school.vondsten", "Drugs, gestolen spullen of wapens gevonden, zonder criminele voorgeschiedenis"),
            new("school.schoolplein", "Een oudere jongen die op het schoolplein wacht, of zichtbare spanning tussen een jongen en een meisje"),
        ]),
        new("online", "Online en telefoon",
        [
            new("online.geheimzinnig", "Achterdochtig of geheimzinnig over telefoon en computer"),
            new("online.bereikbaar", "Veel gebeld worden en altijd bereikbaar moeten zijn"),
            new("online.sexting", "Sexting of ander onaangepast seksueel gedrag online"),
            new("online.andereapp", "Contacten die snel overstappen naar een andere app, zoals Instagram of Snapchat"),
        ]),
        new("lichaam", "Lichaam en gezondheid",
        [
            new("lichaam.moe", "Erg moe of mager, buikpijn, misselijkheid of eetproblemen"),
            new("lichaam.letsel", "Zelfbeschadiging of sporen van geweld"),
            new("lichaam.medisch", "Vaak medische hulp, bijvoorbeeld voor wonden, soa's, zwangerschap of eetstoornissen"),
            new("lichaam.angst", "Gespannen, angstig of somber"),
        ]),
        new("houding", "Houding van de jongere",
        [
            new("houding.zelfbeeld", "Laag zelfbeeld, snel te beïnvloeden, kan geen grenzen aangeven"),
            new("houding.ontwijkt", "Ontwijkt het onderwerp prostitutie, of praat erover alsof het om anderen gaat"),
            new("houding.ontkent", "Ontkent dwang of uitbuiting, of beleeft het niet zo"),
            new("houding.loyaal", "Is loyaal aan de vriend en geeft problemen daarom niet toe"),
            new("houding.hulpeloos", "Voelt zich hulpeloos en ziet geen uitweg"),
            new("houding.normen", "Lijkt geïndoctrineerd, of heeft opeens heel andere normen"),
        ]),
    ];

    /// <summary>The label of a stored signal id, or null for an id this build no longer knows.</summary>
    public static Signal? Find(string signalId) =>
        All.SelectMany(d => d.Signals).FirstOrDefault(s => s.Id == signalId);
}

using GuidanceBot.Guidance.Flows.Signaleren;

namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>
/// The items of the risicotaxatie cards, shortened to B1 from FACTS.md §a, §c and §e. Ids are stored:
/// never reuse one for another meaning.
/// </summary>
public static class RiskItems
{
    /// <summary>Signs that exploitation may be happening now (FACTS.md §a werkwijze, §c signalen).</summary>
    public static IReadOnlyList<Signal> ExploitationSignals { get; } =
    [
        new(Dwang, "Dwang, dreiging of chantage, bijvoorbeeld met naaktbeelden"),
        new(Vermist, "De jongere loopt weg of is vermist"),
        new(Seks, "Aanwijzingen voor seks tegen betaling of seks onder druk"),
        new(Criminaliteit, "Aanwijzingen voor gedwongen criminaliteit, zoals drugs verkopen of een bankrekening laten gebruiken"),
        new(Controle, "Iemand controleert de jongere: altijd bereikbaar moeten zijn, opgehaald en gebracht worden"),
        new(SnelleVerandering, "Het gedrag van de jongere is snel en sterk veranderd"),
    ];

    /// <summary>Risk factors named by the sources (FACTS.md §e risicofactoren).</summary>
    public static IReadOnlyList<Signal> RiskFactors { get; } =
    [
        new("risico.lvb", "Een licht verstandelijke beperking (LVB)"),
        new("risico.psychisch", "Psychische of psychiatrische problemen"),
        new("risico.trauma", "Trauma uit de (vroege) jeugd, of onbehandeld seksueel trauma"),
        new("risico.geweld", "Huiselijk geweld, kindermishandeling of seksueel misbruik in het verleden"),
        new("risico.instelling", "Woont in een jeugdinstelling (daders zoeken daar bewust)"),
        new("risico.zelfbeeld", "Laag zelfbeeld en een grote behoefte aan liefde en aandacht"),
        new("risico.naief", "Naïef door een heel beschermde opvoeding"),
        new("risico.puber", "Heftig pubergedrag, zoals hoog opgelopen ruzies met ouders"),
    ];

    /// <summary>
    /// What specialised help works on (IGJ 2018, FACTS.md §e beschermende factoren). The source does not call
    /// these protective factors; the card says so.
    /// </summary>
    public static IReadOnlyList<Signal> ProtectiveFactors { get; } =
    [
        new("bescherming.netwerk", "Ouders of andere naasten zijn betrokken en werken mee"),
        new("bescherming.netwerkgroot", "De jongere heeft een groter netwerk van mensen die steunen"),
        new("bescherming.hulp", "De jongere krijgt al gespecialiseerde hulp"),
        new("bescherming.weerbaar", "Er wordt gewerkt aan zelfbeeld en weerbaarheid"),
        new("bescherming.afspraken", "Er zijn concrete veiligheidsafspraken"),
    ];

    public const string Dwang = "uitbuiting.dwang";
    public const string Vermist = "uitbuiting.vermist";
    public const string Seks = "uitbuiting.seks";
    public const string Criminaliteit = "uitbuiting.criminaliteit";
    public const string Controle = "uitbuiting.controle";
    public const string SnelleVerandering = "uitbuiting.snel";
}

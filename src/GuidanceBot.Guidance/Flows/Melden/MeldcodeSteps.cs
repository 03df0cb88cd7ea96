using GuidanceBot.Guidance.Flows.Signaleren;

namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>The Meldcode's steps and the five questions of the afwegingskader (FACTS.md §f).</summary>
public static class MeldcodeSteps
{
    /// <summary>Steps 1–3, which come before weighing and deciding.</summary>
    public static IReadOnlyList<Signal> FirstThree { get; } =
    [
        new("stap1", "Stap 1: signalen in kaart gebracht en feitelijk vastgelegd in het dossier"),
        new("stap2", "Stap 2: overlegd met een deskundige collega of de aandachtsfunctionaris"),
        new("stap3", "Stap 3: de zorg besproken met de jongere (en ouders of verzorgers)"),
    ];

    /// <summary>The afwegingskader's five questions, in order (https://handelingsprotocol.nl/utrecht-kz-stap-5-hulp-of-melden).</summary>
    public static IReadOnlyList<string> Afwegingen { get; } =
    [
        "1. Is er een vermoeden van (dreigend) huiselijk geweld of kindermishandeling, zoals uitbuiting?",
        "2. Is er acute en/of structurele onveiligheid?",
        "3. Kun je zelf (met je organisatie) effectieve hulp bieden of organiseren?",
        "4. Accepteren de jongere en de ouders die hulp, en werken ze mee?",
        "5. Leidt de hulp op tijd tot genoeg veiligheid en herstel?",
    ];

    /// <summary>
    /// Each question in a few words, in the same order, for the summary's facts. Why: the summary is shared, and a
    /// colleague who reads "Afweging 2: Ja" without the question cannot tell what was answered.
    /// </summary>
    public static IReadOnlyList<string> AfwegingLabels { get; } =
    [
        "Afweging 1: vermoeden van geweld of uitbuiting",
        "Afweging 2: acuut of structureel onveilig",
        "Afweging 3: zelf effectieve hulp mogelijk",
        "Afweging 4: jongere en ouders aanvaarden de hulp",
        "Afweging 5: hulp geeft op tijd genoeg veiligheid",
    ];

    /// <summary>The input id of afweging <paramref name="index"/> (0-based).</summary>
    public static string AfwegingId(int index) => $"afweging{index + 1}";
}

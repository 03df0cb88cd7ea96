namespace GuidanceBot.Guidance.Flows.Melden;

/// <summary>The knowledge passages the Meldingsvoorbereiding cites.</summary>
public static class MeldenSources
{
    public static IReadOnlyList<string> Summary { get; } =
    [
        "melden#wat-zijn-de-vijf-stappen-van-de-meldcode-huiselijk-geweld-en-kindermishandeling",
        "melden#wat-houdt-het-afwegingskader-in-de-meldcode-in",
        "melden#wanneer-moet-je-melden-bij-veilig-thuis",
        "melden#moet-je-de-jongere-en-de-ouders-vertellen-dat-je-een-melding-doet",
        "comensha#wat-betekent-melden-of-aanmelden-bij-comensha",
        "comensha#wie-tekent-de-toestemmingsverklaring-voor-een-melding-bij-comensha",
        "comensha#welke-gegevens-legt-comensha-vast-en-wie-krijgt-ze-te-zien",
        "politie-om#welk-nummer-bel-je-om-een-vermoeden-van-mensenhandel-bij-de-politie-te-melden",
        "politie-om#wat-is-het-verschil-tussen-aangifte-doen-en-een-informatief-gesprek",
        "politie-om#kun-je-anoniem-melden-dat-je-een-loverboy-verdenkt",
    ];
}

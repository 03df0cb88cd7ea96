namespace GuidanceBot.Guidance.Flows.Risicotaxatie;

/// <summary>The knowledge passages the risicotaxatie summary cites.</summary>
public static class RisicotaxatieSources
{
    public static IReadOnlyList<string> Summary { get; } =
    [
        "risicotaxatie#zijn-de-vragen-van-deze-assistent-een-risicotaxatie",
        "risicotaxatie#wanneer-moet-je-direct-handelen",
        "risicotaxatie#welke-risicofactoren-maken-een-meisje-kwetsbaar-voor-loverboys",
        "risicotaxatie#welke-beschermende-factoren-zijn-er",
        "risicotaxatie#wat-is-11vb",
        "melden#wanneer-moet-je-melden-bij-veilig-thuis",
    ];
}

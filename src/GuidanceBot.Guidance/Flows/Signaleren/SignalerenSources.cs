namespace GuidanceBot.Guidance.Flows.Signaleren;

/// <summary>The knowledge passages the signaleren summary cites (ids: <c>{document id}#{heading slug}</c>).</summary>
public static class SignalerenSources
{
    public static IReadOnlyList<string> Summary { get; } =
    [
        "signaleren#hoe-weeg-je-signalen-van-loverboyproblematiek",
        "signaleren#met-wie-bespreek-je-je-zorgen-over-een-jongere",
        "signaleren#hoe-begin-je-een-gesprek-met-een-jongere-over-je-zorgen",
        "signaleren#moet-je-het-contact-met-de-loverboy-verbieden",
        "signaleren#waar-let-je-op-bij-signaleren-bij-een-jongere-met-een-lvb",
        "melden#wat-zijn-de-vijf-stappen-van-de-meldcode-huiselijk-geweld-en-kindermishandeling",
    ];
}

using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance.Flows;

/// <summary>
/// The card a flow sends when the user says there is acute danger: 112 at the top, then who else to call.
/// Shareable: no submit actions.
/// </summary>
public static class UrgentCallCard
{
    public const string Id = "flow.urgent";

    /// <summary>The passages the card cites.</summary>
    public static IReadOnlyList<string> Sources { get; } =
    [
        "politie-om#wat-doe-je-als-een-jongere-nu-in-acuut-gevaar-is",
        "risicotaxatie#wanneer-moet-je-direct-handelen",
        "contacten#welk-nummer-bel-je-bij-acuut-gevaar",
    ];

    public static AdaptiveCard Build(IReadOnlyList<FlowSource> sources) => new()
    {
        FallbackText = FlowTexts.AcuteDangerHeading,
        Body =
        [
            new Container
            {
                Id = Id,
                Style = "attention",
                Items =
                [
                    Blocks.Heading(FlowTexts.AcuteDangerHeading),
                    Blocks.Paragraph(UrgentTexts.Details),
                ],
            },
            Blocks.Subheading(UrgentTexts.NotLifeThreatening),
            Blocks.Bullets(
            [
                $"Veilig Thuis: **{EmergencyContacts.VeiligThuis}** (gratis, dag en nacht).",
                $"Politie, geen spoed: **{ReferralContacts.PolitieGeenSpoed}**.",
            ]),
            Blocks.Paragraph(UrgentTexts.ActFirst),
            .. FlowCitations.Block(sources),
        ],
    };
}

/// <summary>Dutch texts of <see cref="UrgentCallCard"/>.</summary>
public static class UrgentTexts
{
    public const string Details = "Geef zoveel mogelijk details door, zoals signalement, kenteken, tijd en plaats.";

    public const string NotLifeThreatening = "Geen levensgevaar, maar wel acuut onveilig?";

    public const string ActFirst =
        "Bij acute onveiligheid mag je meteen zelf Veilig Thuis of de politie bellen, nog vóór het overleg met collega's. Doe het liefst samen met de aandachtsfunctionaris en licht daarna je leidinggevende in.";
}

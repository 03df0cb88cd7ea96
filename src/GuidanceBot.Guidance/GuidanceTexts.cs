using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance;

/// <summary>Dutch texts used across the product that belong to no single feature.</summary>
public static class GuidanceTexts
{
    public const string TurnFailed =
        $"Sorry, er ging bij mij iets mis. Probeer het nog eens. Is er acuut gevaar? Bel {EmergencyContacts.Alarmnummer}.";

    public const string FlowsOnlyInPersonalChat =
        "De stappenplannen (signaleren, risico, melden) doe ik alleen in een persoonlijke chat met mij, want daarin komen details over een jongere. Open een chat met GuidanceBot en typ daar het woord opnieuw. Vragen beantwoord ik hier wel.";
}

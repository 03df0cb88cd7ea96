using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance;

/// <summary>Dutch texts used across the product that belong to no single feature.</summary>
public static class GuidanceTexts
{
    public const string TurnFailed =
        $"Sorry, er ging bij mij iets mis. Probeer het nog eens. Is er acuut gevaar? Bel {EmergencyContacts.Alarmnummer}.";

    /// <summary>The same conversation kept changing during the turn (two clicks or messages at once); nothing was changed.</summary>
    public const string TurnConflict =
        "Er kwamen net twee berichten tegelijk binnen. Ik heb dit bericht niet verwerkt. Probeer het nog eens.";

    /// <summary>The state store cannot be reached; nothing was changed.</summary>
    public const string StoreUnavailable =
        $"Sorry, ik kan je gesprek nu even niet bijhouden. Probeer het over een paar minuten nog eens. Is er acuut gevaar? Bel {EmergencyContacts.Alarmnummer}.";

    public const string FlowsOnlyInPersonalChat =
        "De stappenplannen (signaleren, risico, melden) doe ik alleen in een persoonlijke chat met mij, want daarin komen details over een jongere. Open een chat met GuidanceBot en typ daar het woord opnieuw. Vragen beantwoord ik hier wel.";

    /// <summary>The message is longer than the adapter accepts; it was not read or kept.</summary>
    public const string MessageTooLong =
        "Je bericht is te lang voor mij. Stel je vraag korter, in een paar zinnen, en stuur het opnieuw.";

    /// <summary>The conversation is over its rate limit; sent once per window, later messages are not answered.</summary>
    public const string TooManyMessages =
        "Je stuurt veel berichten achter elkaar. Wacht even en stuur je vraag dan opnieuw.";

    /// <summary>A message-extension search over the conversation's rate limit; shown in the search box, not in the chat.</summary>
    public const string TooManySearches =
        "Er is in dit gesprek veel achter elkaar gezocht. Wacht even en zoek dan opnieuw.";
}

namespace GuidanceBot.Guidance.Sharing;

/// <summary>Dutch texts of the message extension.</summary>
public static class SharingTexts
{
    public const string NothingFound = "Niets gevonden in de handreikingen. Probeer andere woorden.";

    public const string UnknownCommand = "Deze zoekopdracht ken ik niet.";
}

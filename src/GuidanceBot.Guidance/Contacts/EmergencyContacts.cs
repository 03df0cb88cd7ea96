namespace GuidanceBot.Guidance.Contacts;

/// <summary>
/// The numbers every safety-relevant card shows. Facts, not prose: each matches the contacts table in
/// <c>knowledge/10-contacten.md</c> (a test keeps the two in step) and its source in FACTS.md.
/// </summary>
public static class EmergencyContacts
{
    /// <summary>Alarmnummer bij acuut gevaar (https://www.wegwijzermensenhandel.nl/signaleren-van-mensenhandel/melden-van-mensenhandel).</summary>
    public const string Alarmnummer = "112";

    /// <summary>Veilig Thuis, landelijk, gratis en 24/7 (https://www.augeo.nl/nl-nl/themas/meldcode/veilig-thuis/).</summary>
    public const string VeiligThuis = "0800-2000";

    /// <summary>Source of <see cref="Alarmnummer"/>.</summary>
    public const string AlarmnummerSource = "https://www.wegwijzermensenhandel.nl/signaleren-van-mensenhandel/melden-van-mensenhandel";

    /// <summary>Source of <see cref="VeiligThuis"/>.</summary>
    public const string VeiligThuisSource = "https://www.augeo.nl/nl-nl/themas/meldcode/veilig-thuis/";
}

namespace GuidanceBot.Guidance.Contacts;

/// <summary>
/// The other numbers the flows give, each from the contacts table of FACTS.md §m with its source.
/// All are time-sensitive ("tijdgevoelig"): keep them in step with <c>knowledge/10-contacten.md</c>.
/// </summary>
public static class ReferralContacts
{
    /// <summary>Politie, geen spoed: vermoeden mensenhandel melden (https://www.wegwijzermensenhandel.nl/partnerorganisaties/politie).</summary>
    public const string PolitieGeenSpoed = "0900-8844";

    /// <summary>Meld Misdaad Anoniem (https://www.politie.nl/nieuws/2020/januari/10/08-twee-hennepkwekerijen-opgerold.html).</summary>
    public const string MeldMisdaadAnoniem = "0800-7000";

    /// <summary>CoMensha helpdesk, ma–vr 9–17 (https://www.wegwijzermensenhandel.nl/zorgcoordinatoren/coordinatoren/comensha).</summary>
    public const string CoMensha = "033 448 11 86";

    /// <summary>CoMensha e-mail (same source as <see cref="CoMensha"/>).</summary>
    public const string CoMenshaEmail = "info@comensha.nl";

    /// <summary>Centrum Seksueel Geweld, 24/7 (https://www.emergis.nl/hulp-na-verkrachting-of-aanranding/2017/02/03/).</summary>
    public const string CentrumSeksueelGeweld = "0800-0188";
}

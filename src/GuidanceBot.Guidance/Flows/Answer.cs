namespace GuidanceBot.Guidance.Flows;

/// <summary>A yes / no / don't know answer, as stored by the flows.</summary>
public enum Answer
{
    Ja,
    Nee,
    WeetNiet,
}

using System.Globalization;

namespace GuidanceBot.Guidance.Sharing;

/// <summary>Dutch texts of the message extension.</summary>
public static class SharingTexts
{
    public const string NothingFound = "Niets gevonden in de handreikingen. Probeer andere woorden.";

    public const string UnknownCommand = "Deze zoekopdracht ken ik niet.";

    /// <summary>The preview title of the user's latest flow summary.</summary>
    public const string LastSummaryTitle = "Mijn laatste samenvatting";

    /// <summary>Query words (or their start, at least five letters) that bring the latest summary to the top.</summary>
    public static IReadOnlyList<string> SummaryWords { get; } = ["samenvatting", "laatste", "overzicht", "meldingsvoorbereiding"];

    private static readonly TimeZoneInfo Dutch =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>"Signaleren, afgerond op 28-11-2026 om 14:05": the flow and when it ended, in Dutch time.</summary>
    public static string LastSummaryPreview(string flowName, DateTimeOffset completedAt)
    {
        var local = TimeZoneInfo.ConvertTime(completedAt, Dutch);
        return string.Create(CultureInfo.InvariantCulture, $"{flowName}, afgerond op {local:d-M-yyyy} om {local:HH:mm}");
    }
}

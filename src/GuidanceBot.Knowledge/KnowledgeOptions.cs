namespace GuidanceBot.Knowledge;

/// <summary>Settings of the knowledge layer, bound from the <c>Knowledge</c> configuration section.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>The folder with the knowledge documents (*.md, *.pdf, synonyms.txt).</summary>
    public string Path { get; set; } = "knowledge";

    /// <summary>Rebuild the index when a file in <see cref="Path"/> changes.</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>How long to wait after the last file change before rebuilding.</summary>
    public TimeSpan RebuildDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The minimum coverage (0–1: share of the question's IDF weight found in the best hit) for a
    /// question to count as answered; null keeps the value calibrated on the dev question set (0.5,
    /// see <c>docs/retrieval.md</c>). The rule's other two branches (strong matches) stay as measured.
    /// </summary>
    public double? MinConfidence { get; set; }
}

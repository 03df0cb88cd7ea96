using GuidanceBot.Knowledge;

namespace GuidanceBot.Testing;

/// <summary>
/// An <see cref="IPassageSearch"/> that knows every passage id it is asked for (or only <see cref="Known"/>
/// when set), each with one source URL. Search answers nothing.
/// </summary>
public sealed class FakePassageSearch : IPassageSearch
{
    /// <summary>When set, only these ids exist.</summary>
    public IReadOnlySet<string>? Known { get; init; }

    public IReadOnlyList<Passage> AllPassages => [];

    public Passage? GetPassage(string passageId)
    {
        ArgumentNullException.ThrowIfNull(passageId);
        if (Known is not null && !Known.Contains(passageId))
        {
            return null;
        }

        var documentId = passageId.Split('#')[0];
        var section = passageId.Contains('#', StringComparison.Ordinal) ? passageId[(passageId.IndexOf('#', StringComparison.Ordinal) + 1)..] : string.Empty;
        return new Passage(
            passageId,
            documentId,
            "Handreiking " + documentId,
            [section],
            "Tekst van " + passageId,
            ["https://example.org/" + Uri.EscapeDataString(passageId)],
            null,
            new DateOnly(2026, 11, 1));
    }

    public SearchResult Search(string query, int maxHits = 3) => new(query, false, []);
}

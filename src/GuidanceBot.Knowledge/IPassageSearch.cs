namespace GuidanceBot.Knowledge;

/// <summary>
/// Ranked search over the knowledge passages. Implementations are thread safe: a search always
/// sees one complete index, also while the index is rebuilt after a file change.
/// </summary>
public interface IPassageSearch
{
    /// <summary>Searches the passages; see <see cref="SearchResult.Answered"/> for the confidence rule.</summary>
    SearchResult Search(string query, int maxHits = 3);

    /// <summary>The passage with this id, or null when the current index has none.</summary>
    Passage? GetPassage(string passageId);

    /// <summary>All passages of the current index, in document and reading order.</summary>
    IReadOnlyList<Passage> AllPassages { get; }
}

namespace GuidanceBot.Knowledge;

/// <summary>A piece of snippet text; <see cref="IsMatch"/> marks a query term to highlight.</summary>
/// <param name="Text">The text, verbatim from the passage.</param>
/// <param name="IsMatch">True for a word that matched the query.</param>
public sealed record HighlightSpan(string Text, bool IsMatch);

/// <summary>One ranked passage.</summary>
/// <param name="Passage">The passage.</param>
/// <param name="Score">The ranking score (BM25 based; only comparable within one query).</param>
/// <param name="Snippet">
/// The passage text trimmed at sentence boundaries to about 600 characters around the matches,
/// split into spans with the query terms marked. Concatenated, the spans are a substring of
/// <see cref="Passage.Text"/>.
/// </param>
public sealed record SearchHit(Passage Passage, double Score, IReadOnlyList<HighlightSpan> Snippet);

/// <summary>The outcome of one question.</summary>
/// <param name="Query">The question as asked.</param>
/// <param name="Answered">
/// False when nothing scored well enough: the caller says so honestly instead of showing weak hits.
/// </param>
/// <param name="Hits">At most the requested number of hits, best first; empty when not answered.</param>
public sealed record SearchResult(string Query, bool Answered, IReadOnlyList<SearchHit> Hits);

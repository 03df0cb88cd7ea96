namespace GuidanceBot.Knowledge.Search;

/// <summary>
/// A question as the ranking sees it: one clause per concept (a word with its synonyms, compound parts
/// and typo corrections) and one per pair of adjacent question words. A passage's score is the sum of
/// the scores of the clauses it matches.
/// </summary>
/// <param name="Concepts">Per concept, the fields it is looked for in and the terms that stand for it there.</param>
/// <param name="Phrases">Adjacent question words that score when they stand near each other in a field.</param>
internal sealed record RankingQuery(IReadOnlyList<ConceptClause> Concepts, IReadOnlyList<PhraseClause> Phrases)
{
    /// <summary>
    /// The share of the other alternatives' scores added to the best one in a field: one concept scores
    /// about once, however many of its synonyms a passage has.
    /// </summary>
    public const float TieBreaker = 0.1f;

    public bool IsEmpty => Concepts.Count == 0 && Phrases.Count == 0;
}

/// <summary>One concept: its score is the sum over <paramref name="Fields"/> of the best alternative in each.</summary>
internal sealed record ConceptClause(IReadOnlyList<FieldAlternatives> Fields);

/// <summary>The terms that stand for one concept in one field, each with its weight (field boost, times the typo weight for a correction).</summary>
internal sealed record FieldAlternatives(string Field, IReadOnlyList<WeightedTerm> Terms);

internal readonly record struct WeightedTerm(string Term, float Boost);

/// <summary>Two question words that score when <paramref name="Second"/> follows <paramref name="First"/> within <paramref name="Slop"/> moves in <paramref name="Field"/>.</summary>
internal sealed record PhraseClause(string Field, string First, string Second, float Boost, int Slop);

namespace GuidanceBot.Knowledge.Search;

/// <summary>
/// The ranking knobs. The defaults were measured on the dev question set over the real corpus
/// (see <c>docs/retrieval.md</c>); change them only with a new measurement.
/// </summary>
/// <param name="TitleBoost">Weight of a match in the document title.</param>
/// <param name="HeadingBoost">Weight of a match in the heading path.</param>
/// <param name="BodyBoost">Weight of a match in the passage text.</param>
/// <param name="PhraseBoost">Weight of two adjacent query words found near each other in heading or text.</param>
/// <param name="PhraseSlop">How far apart the two words of a phrase may be.</param>
/// <param name="FuzzyWeight">Weight of a typo correction relative to an exact word.</param>
/// <param name="MinCoverage">Confidence rule: the share of the question's weight (IDF) the best hit must contain.</param>
/// <param name="MinMatchedWeight">Confidence rule: the relative IDF mass of question words the best hit must contain (1 = one very rare word).</param>
/// <param name="StrongHeadingWeight">Confidence rule: a mass of question words in the best hit's title and headings that answers whatever the coverage.</param>
/// <param name="StrongMatchedWeight">Confidence rule: a matched mass that answers whatever the coverage (long questions with many words the corpus lacks).</param>
internal sealed record RankingSettings(
    float TitleBoost,
    float HeadingBoost,
    float BodyBoost,
    float PhraseBoost,
    int PhraseSlop,
    float FuzzyWeight,
    double MinCoverage,
    double MinMatchedWeight,
    double StrongMatchedWeight,
    double StrongHeadingWeight)
{
    public static RankingSettings Default { get; } = new(
        TitleBoost: 0.5f,
        HeadingBoost: 2.0f,
        BodyBoost: 1.0f,
        PhraseBoost: 2.0f,
        PhraseSlop: 2,
        FuzzyWeight: 0.7f,
        MinCoverage: 0.5,
        MinMatchedWeight: 0.1,
        StrongMatchedWeight: 1.2,
        StrongHeadingWeight: 0.6);
}

namespace GuidanceBot.Knowledge.Evaluation;

/// <summary>The outcome of one question.</summary>
/// <param name="Question">The question.</param>
/// <param name="Answered">Whether the search answered it.</param>
/// <param name="HitRank">The 1-based rank of the first hit among the returned passages, or null.</param>
/// <param name="TopPassageId">The id of the best passage, or null when not answered.</param>
public sealed record EvalOutcome(EvalQuestion Question, bool Answered, int? HitRank, string? TopPassageId);

/// <summary>
/// Retrieval figures over a question file. Answerable questions (no <c>expect_none</c>) give
/// hit@1, hit@3 and MRR; an answerable question that is not answered counts as a miss.
/// </summary>
/// <param name="Outcomes">One outcome per question, in file order.</param>
public sealed record EvalReport(IReadOnlyList<EvalOutcome> Outcomes)
{
    /// <summary>Questions that have an answer in the corpus.</summary>
    public int AnswerableCount => Outcomes.Count(o => !o.Question.ExpectNone);

    /// <summary>Off-topic questions (<c>expect_none</c>).</summary>
    public int OffTopicCount => Outcomes.Count(o => o.Question.ExpectNone);

    /// <summary>Share of answerable questions whose first passage is a hit.</summary>
    public double HitAt1 => Share(o => o.HitRank == 1);

    /// <summary>Share of answerable questions with a hit among the first three passages.</summary>
    public double HitAt3 => Share(o => o.HitRank is <= 3);

    /// <summary>Mean reciprocal rank of the first hit (0 for a question without a hit in the returned passages).</summary>
    public double Mrr => AnswerableCount == 0 ? 0 : Outcomes.Where(o => !o.Question.ExpectNone).Sum(o => o.HitRank is { } r ? 1.0 / r : 0) / AnswerableCount;

    /// <summary>
    /// No-answer precision: of all questions the search declined to answer, the share that really were
    /// off-topic. Low precision means good questions get "geen passend antwoord". Defined as 1 when
    /// nothing was declined (no wrong refusals).
    /// </summary>
    public double NoAnswerPrecision
    {
        get
        {
            var declined = Outcomes.Count(o => !o.Answered);
            return declined == 0 ? 1 : (double)Outcomes.Count(o => !o.Answered && o.Question.ExpectNone) / declined;
        }
    }

    /// <summary>
    /// No-answer recall: of all off-topic questions, the share the search declined to answer. Below 1
    /// means an off-topic question got an answer. Defined as 1 when the file has no off-topic questions.
    /// </summary>
    public double NoAnswerRecall =>
        OffTopicCount == 0 ? 1 : (double)Outcomes.Count(o => !o.Answered && o.Question.ExpectNone) / OffTopicCount;

    /// <summary>A one-line summary with all figures.</summary>
    public override string ToString() =>
        FormattableString.Invariant(
            $"questions={Outcomes.Count} answerable={AnswerableCount} off-topic={OffTopicCount} hit@1={HitAt1:0.000} hit@3={HitAt3:0.000} MRR={Mrr:0.000} no-answer precision={NoAnswerPrecision:0.000} recall={NoAnswerRecall:0.000}");

    private double Share(Func<EvalOutcome, bool> predicate) =>
        AnswerableCount == 0 ? 0 : (double)Outcomes.Count(o => !o.Question.ExpectNone && predicate(o)) / AnswerableCount;
}

/// <summary>Runs a question file against an <see cref="IPassageSearch"/> and computes the retrieval figures.</summary>
public static class RetrievalEvaluator
{
    /// <summary>Runs every question of a JSON Lines file (see <see cref="EvalQuestion"/>).</summary>
    public static EvalReport Run(IPassageSearch search, string questionFile) => Run(search, EvalQuestion.Load(questionFile));

    /// <summary>Runs the questions with the default of three hits per question.</summary>
    public static EvalReport Run(IPassageSearch search, IEnumerable<EvalQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(search);
        var outcomes = new List<EvalOutcome>();
        foreach (var question in questions)
        {
            var result = search.Search(question.Question);
            int? rank = null;
            for (var i = 0; i < result.Hits.Count; i++)
            {
                if (question.IsHit(result.Hits[i].Passage.Text))
                {
                    rank = i + 1;
                    break;
                }
            }

            outcomes.Add(new EvalOutcome(question, result.Answered, result.Answered ? rank : null, result.Hits.Count > 0 ? result.Hits[0].Passage.Id : null));
        }

        return new EvalReport(outcomes);
    }
}

using System.Globalization;
using GuidanceBot.Knowledge;
using GuidanceBot.Knowledge.Evaluation;

namespace GuidanceBot.Cli;

/// <summary>The <c>eval</c> verb: retrieval figures of a question file.</summary>
internal static class EvalVerb
{
    public static async Task<int> RunAsync(IPassageSearch search, string file, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        EvalReport report;
        try
        {
            report = RetrievalEvaluator.Run(search, file);
        }
        catch (FormatException e)
        {
            await stderr.WriteLineAsync(e.Message.AsMemory(), cancellationToken);
            return CliVerbs.ErrorExitCode;
        }

        var lines = new[]
        {
            $"questions            {report.Outcomes.Count} ({report.AnswerableCount} answerable, {report.OffTopicCount} off-topic)",
            $"hit@1                {report.HitAt1:0.000}",
            $"hit@3                {report.HitAt3:0.000}",
            $"MRR                  {report.Mrr:0.000}",
            $"no-answer precision  {report.NoAnswerPrecision:0.000}",
            $"no-answer recall     {report.NoAnswerRecall:0.000}",
        };
        foreach (var line in lines)
        {
            await stdout.WriteLineAsync(line.AsMemory(), cancellationToken);
        }

        var misses = report.Outcomes.Where(o => o.Question.ExpectNone ? o.Answered : o.HitRank is not 1).ToList();
        if (misses.Count > 0)
        {
            await stdout.WriteLineAsync("not at rank 1:".AsMemory(), cancellationToken);
            foreach (var miss in misses)
            {
                var rank = miss.HitRank?.ToString(CultureInfo.InvariantCulture) ?? "-";
                await stdout.WriteLineAsync($"  {miss.Question.Id,-6} answered={miss.Answered,-5} rank={rank} top={miss.TopPassageId ?? "-"}".AsMemory(), cancellationToken);
            }
        }

        return 0;
    }
}

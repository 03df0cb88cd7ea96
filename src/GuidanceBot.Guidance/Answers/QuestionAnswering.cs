using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.Cards.Model;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Answers;

/// <summary>Answers a free-text question from the knowledge index, as an answer or an honest no-answer card.</summary>
public sealed class QuestionAnswering(IPassageSearch search)
{
    /// <summary>
    /// Longer text is cut before searching: a question never needs more, and the query cost of the
    /// index grows with every term.
    /// </summary>
    public const int MaxQuestionLength = 500;

    /// <summary>The card for a question; <paramref name="shareable"/> drops the feedback buttons.</summary>
    public AdaptiveCard CardFor(string question, bool shareable)
    {
        var trimmed = question.Length > MaxQuestionLength ? question[..MaxQuestionLength] : question;
        var result = search.Search(trimmed);
        return result.Answered && result.Hits.Count > 0
            ? AnswerCard.Build(trimmed, result, shareable)
            : NoAnswerCard.Build(trimmed);
    }

    public Task AnswerAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(CardMessage.From(CardFor(question, shareable: false)), cancellationToken);
}

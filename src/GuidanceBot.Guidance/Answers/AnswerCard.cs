using System.Text.Json.Nodes;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Answers;

/// <summary>
/// The answer to a question: the best passage with the query terms highlighted, up to two "Zie ook"
/// passages, and the sources. The shareable variant (for the message extension and forwarding) has no
/// Action.Submit, so it still works in a chat where the bot is not a member, and does not repeat the question:
/// a card posted to colleagues must not carry what the sender typed (it may say something about a child, and
/// under the handreiking's heading it would read as part of the guidance), and "Je vroeg" would speak to the
/// wrong person.
/// </summary>
public static class AnswerCard
{
    public const string Id = "answer";

    public static AdaptiveCard Build(string question, SearchResult result, bool shareable)
    {
        var best = result.Hits[0];
        var others = result.Hits.Skip(1).Take(2).ToList();
        var body = new List<CardElement>
        {
            new RichTextBlock
            {
                Id = Id,
                Inlines = [new TextRun { Text = CardText.Plain(best.Passage.Title()), Size = "Large", Weight = "Bolder" }],
            },
            Blocks.Literal(best.Passage.DocumentTitle, AnswerTexts.FromLabel, subtle: true),
        };

        if (!shareable)
        {
            body.Add(Blocks.Literal(question, AnswerTexts.QuestionLabel, subtle: true));
        }

        body.Add(new RichTextBlock { Inlines = Snippets.Highlighted(best.Snippet), Spacing = "Medium" });

        if (others.Count > 0)
        {
            body.Add(Blocks.Subheading(AnswerTexts.SeeAlso));
            body.AddRange(others.Select(SeeAlsoItem));
        }

        if (shareable)
        {
            body.Add(Blocks.Note(AnswerTexts.SharedNote));
        }

        body.Add(SourcesBlock.Build(result.Hits.Take(3).Select(h => h.Passage)));

        return new AdaptiveCard
        {
            FallbackText = AnswerTexts.AnswerFallback,
            Body = body,
            Actions = shareable ? null : FeedbackActions(best.Passage.Id),
        };
    }

    private static Container SeeAlsoItem(SearchHit hit) => new()
    {
        Spacing = "Small",
        Items =
        [
            new RichTextBlock { Inlines = [new TextRun { Text = CardText.Plain(hit.Passage.Title()), Weight = "Bolder" }] },
            Blocks.Literal(Snippets.SeeAlsoLead(hit.Passage)),
        ],
    };

    private static CardAction[] FeedbackActions(string passageId) =>
    [
        new ActionSubmit { Title = AnswerTexts.Useful, Data = FeedbackData(passageId, useful: true) },
        new ActionSubmit { Title = AnswerTexts.NotUseful, Data = FeedbackData(passageId, useful: false) },
    ];

    private static JsonObject FeedbackData(string passageId, bool useful) => new()
    {
        [AnswerFeedback.VerbKey] = AnswerFeedback.Verb,
        [AnswerFeedback.PassageKey] = passageId,
        [AnswerFeedback.UsefulKey] = useful,
    };
}

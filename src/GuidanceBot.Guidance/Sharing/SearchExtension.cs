using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Schema.Teams;
using GuidanceBot.Cards;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Sharing;

/// <summary>
/// The search message extension (command <c>zoeken</c>, parameter <c>zoekterm</c>): results are
/// shareable answer cards that Teams inserts into the compose box as they are. An empty query lists the
/// main topics: the first passage of each handreiking.
/// </summary>
public sealed class SearchExtension(IPassageSearch search)
{
    public const string CommandId = "zoeken";
    public const string QueryParameter = "zoekterm";

    private const int MaxResults = 10;
    private const int PreviewLength = 120;

    public MessagingExtensionResponse Query(MessagingExtensionQuery query)
    {
        if (!string.Equals(query.CommandId, CommandId, StringComparison.Ordinal))
        {
            return Message(SharingTexts.UnknownCommand);
        }

        var text = query.ParameterValue(QueryParameter)?.Trim();
        var attachments = string.IsNullOrEmpty(text) ? Topics() : Results(text);
        return attachments.Count == 0
            ? Message(SharingTexts.NothingFound)
            : new MessagingExtensionResponse
            {
                ComposeExtension = new MessagingExtensionResult { AttachmentLayout = "list", Attachments = attachments },
            };
    }

    private List<MessagingExtensionAttachment> Results(string text)
    {
        var question = text.Length > QuestionAnswering.MaxQuestionLength ? text[..QuestionAnswering.MaxQuestionLength] : text;
        var result = search.Search(question, maxHits: 3);
        if (!result.Answered)
        {
            return [];
        }

        // Each hit becomes its own result, ranked first, with the others as its "Zie ook".
        return [.. result.Hits.Select((hit, i) => ResultFor(
            question,
            result with { Hits = [hit, .. result.Hits.Where((_, j) => j != i)] }))];
    }

    private List<MessagingExtensionAttachment> Topics() =>
        [.. search.AllPassages
            .GroupBy(p => p.DocumentId)
            .Select(document => document.First())
            .Take(MaxResults)
            .Select(passage => ResultFor(
                passage.DocumentTitle,
                new SearchResult(passage.DocumentTitle, true, [new SearchHit(passage, 1, [new HighlightSpan(passage.Text, false)])])))];

    private static MessagingExtensionAttachment ResultFor(string question, SearchResult result)
    {
        var best = result.Hits[0].Passage;
        var card = AnswerCard.Build(question, result, shareable: true);
        return new MessagingExtensionAttachment
        {
            ContentType = Attachment.AdaptiveCardContentType,
            Content = CardSerializer.ToJsonElement(card),
            Preview = new ThumbnailPreview
            {
                Content = new ThumbnailContent
                {
                    Title = best.Title(),
                    Text = Snippets.Lead(best.Text, PreviewLength),
                },
            },
        };
    }

    private static MessagingExtensionResponse Message(string text) => new()
    {
        ComposeExtension = new MessagingExtensionResult { Type = "message", Text = text },
    };
}

using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Schema.Teams;
using GuidanceBot.Cards;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Knowledge;

namespace GuidanceBot.Guidance.Sharing;

/// <summary>
/// The search message extension (command <c>zoeken</c>, parameter <c>zoekterm</c>): results are
/// shareable answer cards that Teams inserts into the compose box as they are. An empty query lists the
/// main topics: the first passage of each handreiking. The user's latest flow summary card ("Mijn laatste
/// samenvatting"), when there is one, comes first for an empty query and for a query about it.
/// </summary>
public sealed class SearchExtension(IPassageSearch search)
{
    public const string CommandId = "zoeken";
    public const string QueryParameter = "zoekterm";

    /// <summary>
    /// The page size when Teams names none; Teams itself asks for 25 (queryOptions.count). Why not fewer: an
    /// empty query lists every handreiking, and a lower cap silently dropped the last ones (there are twelve).
    /// </summary>
    private const int DefaultPageSize = 25;
    private const int PreviewLength = 120;
    private const int MinSummaryWordLength = 5;

    /// <summary>Whether <paramref name="query"/> is for this extension's command (and so may need the latest summary).</summary>
    public static bool IsSearch(MessagingExtensionQuery query) =>
        string.Equals(query?.CommandId, CommandId, StringComparison.Ordinal);

    /// <summary>The results for <paramref name="query"/>; <paramref name="lastSummary"/> is the sender's latest summary, if any.</summary>
    public MessagingExtensionResponse Query(MessagingExtensionQuery query, SharedSummary? lastSummary = null)
    {
        if (!IsSearch(query))
        {
            return MessagingExtensionResponse.Message(SharingTexts.UnknownCommand);
        }

        var text = query.ParameterValue(QueryParameter)?.Trim();
        var attachments = string.IsNullOrEmpty(text) ? Topics() : Results(text);
        if (lastSummary is not null && (string.IsNullOrEmpty(text) || AsksForSummary(text)))
        {
            attachments.Insert(0, SummaryResult(lastSummary));
        }

        return attachments.Count == 0
            ? MessagingExtensionResponse.Message(SharingTexts.NothingFound)
            : new MessagingExtensionResponse
            {
                ComposeExtension = new MessagingExtensionResult { AttachmentLayout = "list", Attachments = Page(attachments, query.QueryOptions) },
            };
    }

    /// <summary>
    /// The page Teams asked for. Why: Teams asks for the next page (skip) when the user scrolls down, and a
    /// page that repeated the first showed every result twice. Past the end the page is empty, not "nothing
    /// found": the results before it are still in the list.
    /// </summary>
    private static List<MessagingExtensionAttachment> Page(List<MessagingExtensionAttachment> all, MessagingExtensionQueryOptions? options)
    {
        var skip = Math.Max(options?.Skip ?? 0, 0);
        var count = options?.Count is > 0 and var asked ? asked : DefaultPageSize;
        return [.. all.Skip(skip).Take(count)];
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

    /// <summary>True when a word of <paramref name="text"/> is (the start of) one of <see cref="SharingTexts.SummaryWords"/>.</summary>
    internal static bool AsksForSummary(string text) =>
        text.Split([' ', ',', '.', '?', '!', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(word => word.ToLowerInvariant())
            .Any(word => word.Length >= MinSummaryWordLength
                && SharingTexts.SummaryWords.Any(w => w.StartsWith(word, StringComparison.Ordinal) || word.StartsWith(w, StringComparison.Ordinal)));

    private static MessagingExtensionAttachment SummaryResult(SharedSummary summary) => new()
    {
        ContentType = Attachment.AdaptiveCardContentType,
        Content = CardSerializer.ToJsonElement(summary.Card),
        Preview = new ThumbnailPreview
        {
            Content = new ThumbnailContent
            {
                Title = SharingTexts.LastSummaryTitle,
                Text = SharingTexts.LastSummaryPreview(summary.Flow.Name, summary.CompletedAt),
            },
        },
    };
}

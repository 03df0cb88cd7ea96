using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Schema.Teams;
using Microsoft.AspNetCore.Http;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>Requests answered without running a turn: over the conversation's rate limit, or a message too long.</summary>
public sealed partial class CloudAdapter
{
    /// <summary>
    /// Applies the per-conversation rate limit and the text length limit; true when the request was answered
    /// without running a turn. A refused message gets at most one short reply and nothing is stored.
    /// <para>
    /// Why a message over the limit answers 200 and not 429: the Bot Service retries a 429, so a flood would
    /// come back again, and Teams shows a failed delivery to the user. Instead the conversation gets one short
    /// "slow down" per window and the rest is dropped with 200. A message-extension search answers 200 with a
    /// short Dutch text in the search box (Teams shows a 429 there only as a failure). Other invokes answer 429
    /// with <c>Retry-After</c>: they have no reply but their own response, and Teams shows a failed invoke as such. The global
    /// limit is the rate-limiting middleware's (429 with <c>Retry-After</c>, see the host).
    /// </para>
    /// </summary>
    private async Task<bool> RefuseAsync(
        Activity activity, string conversation, HttpResponse response, CancellationToken turnToken, CancellationToken requestToken)
    {
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
        {
            return false;
        }

        var limit = _rateLimiter.Acquire(BudgetKey(activity, conversation));
        if (limit.Limit != ConversationLimit.Allowed)
        {
            LogRateLimited(_logger, ActivityTypes.ForLog(activity.Type), conversation, limit.Limit.ToString());
            if (activity is { Type: ActivityTypes.Invoke, Name: MessagingExtensionQuery.InvokeName } && _limitTexts is { } texts)
            {
                // A 429 shows as a bare "something went wrong" in the search box; this says what to do instead.
                response.StatusCode = StatusCodes.Status200OK;
                var tooMany = MessagingExtensionResponse.Message(texts.TooManySearches);
                await JsonResponseWriter.WriteAsync(response, tooMany, BotJsonContext.Default.MessagingExtensionResponse, requestToken)
                    .ConfigureAwait(false);
                return true;
            }

            if (activity.Type == ActivityTypes.Invoke)
            {
                var seconds = Math.Max(1, (int)Math.Ceiling((limit.RetryAfter ?? TimeSpan.FromSeconds(1)).TotalSeconds));
                response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteErrorAsync(response, StatusCodes.Status429TooManyRequests, "Too many requests in this conversation.", requestToken)
                    .ConfigureAwait(false);
                return true;
            }

            var notice = limit.Limit == ConversationLimit.LimitedNotify ? _limitTexts?.TooManyMessages : null;
            await ReplyWithoutTurnAsync(activity, notice, conversation, response, turnToken, requestToken).ConfigureAwait(false);
            return true;
        }

        if (activity.Type == ActivityTypes.Message && activity.Text is { Length: var length } && length > _options.MaxTextLength)
        {
            LogRejected(_logger, "message text too long");
            await ReplyWithoutTurnAsync(activity, _limitTexts?.MessageTooLong, conversation, response, turnToken, requestToken)
                .ConfigureAwait(false);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Whose budget a turn uses: the conversation's, but a message-extension search the sender's within the
    /// conversation. Why: Teams sends a search per pause in typing, and its results go only to the searcher's
    /// compose box; in a channel, a few colleagues searching at once used up the budget of everyone in it,
    /// and one person's searches the bot's replies. Keys are hashes (see <see cref="ConversationRateLimiter"/>).
    /// </summary>
    private static string BudgetKey(Activity activity, string conversation) =>
        activity is { Type: ActivityTypes.Invoke, Name: MessagingExtensionQuery.InvokeName, From.Id: { Length: > 0 } sender }
            ? conversation + "/search/" + LogIds.Hash(sender)
            : conversation;

    private async Task ReplyWithoutTurnAsync(
        Activity activity, string? text, string conversation, HttpResponse response,
        CancellationToken turnToken, CancellationToken requestToken)
    {
        var turnContext = new TurnContext(activity, _connector);
        if (text is not null)
        {
            try
            {
                await turnContext.SendActivityAsync(text, turnToken).ConfigureAwait(false);
                await turnContext.FlushAsync(turnToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or OperationCanceledException)
            {
                LogApologyFailed(_logger, conversation, ex.GetType().Name);
            }
        }

        await WriteTurnResponseAsync(turnContext, response, requestToken).ConfigureAwait(false);
    }
}

using System.Net;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Runs one HTTP request to <c>/api/messages</c> as a turn: size limit → authentication → parsing →
/// <see cref="TurnContext"/> → bot → delivery of the replies → HTTP response (PROTOCOL.md §1.1). A failing
/// turn is logged without message text, the user gets the product's apology, and the process keeps serving.
/// <para>
/// No lost updates across instances: the bot saves state with ETags, so when another instance (or a double
/// click) changed the conversation during the turn, the save throws <see cref="StorageConflictException"/>.
/// The turn is then run again from the request body — a fresh activity, a fresh <see cref="TurnContext"/>,
/// state loaded anew — up to <see cref="AdapterOptions.MaxTurnAttempts"/> times in all. This is the one place
/// that retries: flows and handlers only load, change and save. Because the context holds every reply back
/// until the bot has returned, a lost attempt's replies are dropped unseen; typing indicators are sent at
/// once and may repeat; an invoke response is the last attempt's. After the last conflict the user gets the
/// product's "try again", and the newer state stays as the other turn wrote it. The re-run is exact for a
/// turn that saves one state document, as the product's turns do (conversation state); a turn that saved
/// one document and then lost on a second would re-run on top of its own first save.
/// </para>
/// </summary>
public sealed partial class CloudAdapter
{
    /// <summary>How long the apology of a turn that ran out of time may take to send.</summary>
    public static readonly TimeSpan ApologyTimeout = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Retry-After of the 503 when tokens cannot be checked. IdentityModel tries the metadata again on the next
    /// request, so a short pause is enough for a blip; a longer outage answers 503 again.
    /// </summary>
    private const string AuthenticationRetryAfterSeconds = "5";

    private readonly IBotAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly BotAuthenticationOptions _authOptions;
    private readonly AdapterOptions _options;
    private readonly TimeProvider _time;
    private readonly ITurnErrorHandler? _errorHandler;
    private readonly ITurnLimitTexts? _limitTexts;
    private readonly ConversationRateLimiter _rateLimiter;
    private readonly TurnMetrics _metrics;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(
        IBotAuthenticator authenticator,
        IConnectorClient connector,
        IOptions<BotAuthenticationOptions> authOptions,
        IOptions<AdapterOptions> options,
        TimeProvider time,
        ConversationRateLimiter rateLimiter,
        TurnMetrics metrics,
        ILogger<CloudAdapter> logger,
        ITurnErrorHandler? errorHandler = null,
        ITurnLimitTexts? limitTexts = null)
    {
        _rateLimiter = rateLimiter;
        _metrics = metrics;
        _limitTexts = limitTexts;
        _authenticator = authenticator;
        _connector = connector;
        _authOptions = authOptions.Value;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _errorHandler = errorHandler;
    }

    /// <summary>
    /// Handles one request. <paramref name="cancellationToken"/> (the request-aborted token) covers reading the
    /// request and writing the response only: the turn itself runs on its own token, bounded by
    /// <see cref="AdapterOptions.TurnTimeout"/>, so a client that hangs up (the Bot Service gives up after
    /// 15 s, PROTOCOL.md §1.1) or a connection aborted at shutdown cannot cancel a half-done state save.
    /// </summary>
    public async Task ProcessAsync(HttpContext httpContext, IBot bot, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;

        // Every channel sends application/json; a body declared as anything else was not meant for a bot.
        if (request.ContentType is { } contentType && !IsJson(contentType, request))
        {
            await WriteErrorAsync(response, StatusCodes.Status415UnsupportedMediaType, "The body must be JSON (Content-Type: application/json).", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var read = await RequestBodyReader.ReadAsync(request, _options.MaxRequestBodyBytes, cancellationToken)
            .ConfigureAwait(false);
        if (read.Failure is { } failure)
        {
            LogRejected(_logger, failure.Reason);
            await WriteErrorAsync(response, failure.Status, failure.Message, cancellationToken).ConfigureAwait(false);
            return;
        }

        var body = read.Body!;

        var authorization = request.Headers.Authorization.ToString();
        if (_authenticator.RequiresToken && string.IsNullOrEmpty(authorization))
        {
            LogRejected(_logger, "no token");
            await WriteErrorAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var parsed = ActivityParser.Parse(body);
        if (!parsed.IsValid)
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, parsed.Error!, cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        var activity = parsed.Activity!;
        if (activity.Attachments is { Count: var attachments } && attachments > _options.MaxAttachments)
        {
            LogRejected(_logger, "too many attachments");
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest,
                $"The activity has more than {_options.MaxAttachments} attachments.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var auth = await _authenticator.AuthenticateAsync(authorization, activity, cancellationToken).ConfigureAwait(false);
        if (auth.IsUnavailable)
        {
            // Not the caller's fault: the token may well be good. 503 says "try again", where 401 would say "your credentials are wrong".
            LogAuthenticationUnavailable(_logger, auth.FailureReason ?? "unknown");
            response.Headers.RetryAfter = AuthenticationRetryAfterSeconds;
            await WriteErrorAsync(response, StatusCodes.Status503ServiceUnavailable,
                "The token cannot be checked now: the issuer's signing keys could not be fetched. Try again later.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (!auth.IsAuthenticated)
        {
            LogRejected(_logger, auth.FailureReason ?? "invalid token");
            await WriteErrorAsync(response, StatusCodes.Status401Unauthorized, "Unauthorized.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

        if (auth.IsAnonymous && !IsAllowedAnonymousServiceUrl(activity.ServiceUrl))
        {
            // Nobody is authenticated in this mode: never let a caller make the bot POST to an arbitrary host.
            LogRejected(_logger, "anonymous serviceUrl not on loopback");
            await WriteErrorAsync(response, StatusCodes.Status403Forbidden,
                "In local anonymous mode the serviceUrl must be on this machine.", cancellationToken).ConfigureAwait(false);
            return;
        }

        using var turnTimeout = new CancellationTokenSource(_options.TurnTimeout, _time);
        var turnToken = turnTimeout.Token;
        // Hashed once per request: the logs, the rate limit and the turn all use it.
        var conversation = LogIds.Hash(activity.Conversation?.Id);
        if (await RefuseAsync(activity, conversation, response, turnToken, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var turnContext = await RunTurnAsync(activity, conversation, body, bot, turnToken).ConfigureAwait(false);
        await WriteTurnResponseAsync(turnContext, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task<TurnContext> RunTurnAsync(Activity activity, string conversation, byte[] body, IBot bot, CancellationToken cancellationToken)
    {
        var activityType = ActivityTypes.ForLog(activity.Type);
        var started = _time.GetTimestamp();
        var turnContext = new TurnContext(activity, _connector);
        using var typing = StartTypingIndicator(turnContext, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            Exception? failure = null;
            try
            {
                await bot.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
                // No "typing…" after the answer: the indicator stops (and its last send lands) before the replies go out.
                await StopTypingAsync(typing).ConfigureAwait(false);
                await turnContext.FlushAsync(cancellationToken).ConfigureAwait(false);
                var elapsed = _time.GetElapsedTime(started);
                _metrics.RecordTurn(activityType, elapsed, failed: false);
                LogTurn(_logger, activityType, conversation, elapsed.TotalMilliseconds, attempt);
                return turnContext;
            }
            catch (StorageConflictException) when (attempt < _options.MaxTurnAttempts && !cancellationToken.IsCancellationRequested)
            {
                LogTurnConflict(_logger, activityType, conversation, attempt, _options.MaxTurnAttempts);
                failure = await PauseBeforeRerunAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            if (failure is not null)
            {
                await StopTypingAsync(typing).ConfigureAwait(false);
                await FailTurnAsync(turnContext, failure, activityType, conversation, attempt, started, cancellationToken).ConfigureAwait(false);
                return turnContext;
            }

            // Handlers may change the activity they get (e.g. strip the @mention): re-run on a pristine copy.
            turnContext = new TurnContext(ActivityParser.Parse(body).Activity!, _connector);
        }
    }

    /// <summary>
    /// Logs and counts a failed turn, drops what it had queued, and sends the product's apology instead. An invoke
    /// gets no apology: its failure is its response's status (see <see cref="FailureStatus"/>), which Teams shows
    /// where the user acted (a message extension's search box, a card). A message posted instead would land in the
    /// chat the user was composing in, seen by everyone in it, and its connector call would hold up the response
    /// past the 5 s Teams gives a message-extension query.
    /// </summary>
    private async Task FailTurnAsync(
        TurnContext turnContext, Exception exception, string activityType, string conversation, int attempt, long started,
        CancellationToken cancellationToken)
    {
        // The turn token only ends at the turn timeout: a cancelled turn is a failed one and is answered as such.
        LogTurnFailed(_logger, activityType, conversation, exception.GetType().Name, attempt);
        _metrics.RecordTurn(activityType, _time.GetElapsedTime(started), failed: true);
        turnContext.DiscardPending();
        turnContext.TurnState.Set(new TurnFailure(exception));
        if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            return;
        }

        if (!cancellationToken.IsCancellationRequested)
        {
            await ApologizeAsync(turnContext, exception, conversation, cancellationToken).ConfigureAwait(false);
            return;
        }

        // Out of time: the apology gets a short budget of its own, so that a connector that is slow as well
        // cannot keep the request (and a shutdown waiting for it) open for the connector's whole retry schedule.
        using var apologyBudget = new CancellationTokenSource(ApologyTimeout, _time);
        await ApologizeAsync(turnContext, exception, conversation, apologyBudget.Token).ConfigureAwait(false);
    }

    private static Task StopTypingAsync(TypingIndicator? typing) => typing?.StopAsync() ?? Task.CompletedTask;

    /// <summary>
    /// Waits a little before a re-run; returns null, or the cancellation when the turn ran out of time meanwhile
    /// (it then fails like any timed-out turn). Returned, not thrown: the caller waits inside its catch block.
    /// </summary>
    private async Task<OperationCanceledException?> PauseBeforeRerunAsync(int attempt, CancellationToken cancellationToken)
    {
        if (_options.TurnRetryDelay <= TimeSpan.Zero)
        {
            return null;
        }

        // Random, so that turns that collided do not all come back at the same moment. Not security relevant.
#pragma warning disable CA5394
        var pause = _options.TurnRetryDelay * attempt * Random.Shared.NextDouble();
#pragma warning restore CA5394
        try
        {
            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (OperationCanceledException ex)
        {
            return ex;
        }
    }

    private async Task ApologizeAsync(
        TurnContext turnContext, Exception exception, string conversation, CancellationToken cancellationToken)
    {
        if (_errorHandler is null)
        {
            return;
        }

        try
        {
            await _errorHandler.OnTurnErrorAsync(turnContext, exception, cancellationToken).ConfigureAwait(false);
            await turnContext.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Best effort: whatever stopped it (the connector, the outbound token, the error handler itself), there
            // is no way left to tell the user, and the log has the first failure. Only the type is logged: messages
            // such as MSAL's carry tenant and trace ids. Escaping, it would reach Kestrel's unhandled-exception log,
            // message and all, and answer 500.
            LogApologyFailed(_logger, conversation, ex.GetType().Name);
        }
    }

    private TypingIndicator? StartTypingIndicator(TurnContext turnContext, CancellationToken cancellationToken) =>
        turnContext.Activity.Type == ActivityTypes.Message && !turnContext.ExpectsReplies
            ? new TypingIndicator(turnContext, _options, _time, OnTypingFailed, cancellationToken)
            : null;

    private void OnTypingFailed(Exception exception) =>
        LogTypingFailed(_logger, exception.GetType().Name);

    private static async Task WriteTurnResponseAsync(
        TurnContext turnContext, HttpResponse response, CancellationToken cancellationToken)
    {
        if (turnContext.Activity.Type == ActivityTypes.Invoke)
        {
            var invokeResponse = turnContext.TurnState.Get<TurnFailure>() is { } failure
                ? new InvokeResponse(FailureStatus(failure.Exception))
                : turnContext.InvokeResponse ?? new InvokeResponse(ActivityHandler.NotImplementedStatus);
            response.StatusCode = invokeResponse.Status;
            if (invokeResponse.Body is { } body)
            {
                await JsonResponseWriter.WriteAsync(response, body, BotJsonContext.Default.JsonElement, cancellationToken)
                    .ConfigureAwait(false);
            }

            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        if (turnContext.ExpectsReplies)
        {
            var replies = new ExpectedReplies { Activities = [.. turnContext.BufferedReplies] };
            await JsonResponseWriter.WriteAsync(response, replies, BotJsonContext.Default.ExpectedReplies, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The invoke status of a failed turn: 503 when trying again later can help (the store is down, the
    /// conversation kept changing under the turn, or the turn ran out of time), 500 otherwise. Invokes are where the channel shows the
    /// status to the user (a card action, a message extension). A failed message turn still answers 200: its
    /// apology already went out as a reply, and a 5xx would only make the channel report a delivery failure.
    /// </summary>
    private static int FailureStatus(Exception exception) =>
        exception is StorageConflictException or OperationCanceledException || StorageUnavailableException.IsCause(exception)
            ? StatusCodes.Status503ServiceUnavailable
            : StatusCodes.Status500InternalServerError;

    /// <summary>
    /// True for <c>application/json</c> (with parameters) and <c>+json</c> types. What channels send is matched
    /// without parsing; anything else goes to ASP.NET Core's media-type parser, which allocates on every call.
    /// </summary>
    private static bool IsJson(string contentType, HttpRequest request)
    {
        const string Json = "application/json";
        return (contentType.StartsWith(Json, StringComparison.OrdinalIgnoreCase)
                && (contentType.Length == Json.Length || contentType[Json.Length] is ';' or ' '))
            || request.HasJsonContentType();
    }

    private bool IsAllowedAnonymousServiceUrl(string? serviceUrl)
    {
        if (serviceUrl is null)
        {
            return true;
        }

        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback
            || string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address))
            || _authOptions.AnonymousAllowedServiceHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase);
    }

    private static async Task WriteErrorAsync(HttpResponse response, int status, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "text/plain; charset=utf-8";
        await response.WriteAsync(message, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Marks a turn whose bot logic threw, so the response can say so (invokes answer 500).</summary>
    private sealed record TurnFailure(Exception Exception);
}

using System.Net;
using System.Text.Json;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Runs one HTTP request to <c>/api/messages</c> as a turn: size limit → authentication → parsing →
/// <see cref="TurnContext"/> → bot → HTTP response (PROTOCOL.md §1.1). A failing turn is logged without
/// message text, the user gets the product's apology, and the process keeps serving.
/// </summary>
public sealed partial class CloudAdapter
{
    private readonly IBotAuthenticator _authenticator;
    private readonly IConnectorClient _connector;
    private readonly BotAuthenticationOptions _authOptions;
    private readonly AdapterOptions _options;
    private readonly TimeProvider _time;
    private readonly ITurnErrorHandler? _errorHandler;
    private readonly ILogger<CloudAdapter> _logger;

    public CloudAdapter(
        IBotAuthenticator authenticator,
        IConnectorClient connector,
        IOptions<BotAuthenticationOptions> authOptions,
        IOptions<AdapterOptions> options,
        TimeProvider time,
        ILogger<CloudAdapter> logger,
        ITurnErrorHandler? errorHandler = null)
    {
        _authenticator = authenticator;
        _connector = connector;
        _authOptions = authOptions.Value;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _errorHandler = errorHandler;
    }

    public async Task ProcessAsync(HttpContext httpContext, IBot bot, CancellationToken cancellationToken)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;

        var body = await RequestBodyReader.ReadAsync(request, _options.MaxRequestBodyBytes, cancellationToken)
            .ConfigureAwait(false);
        if (body is null)
        {
            await WriteErrorAsync(response, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", cancellationToken)
                .ConfigureAwait(false);
            return;
        }

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
        var auth = await _authenticator.AuthenticateAsync(authorization, activity, cancellationToken).ConfigureAwait(false);
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

        var turnContext = new TurnContext(activity, _connector);
        await RunTurnAsync(turnContext, bot, cancellationToken).ConfigureAwait(false);
        await WriteTurnResponseAsync(turnContext, response, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunTurnAsync(TurnContext turnContext, IBot bot, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        var conversation = LogIds.Hash(activity.Conversation?.Id);
        var activityType = ActivityTypes.ForLog(activity.Type);
        var started = _time.GetTimestamp();
        using var typing = StartTypingIndicator(turnContext, cancellationToken);
        try
        {
            await bot.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
            var elapsed = _time.GetElapsedTime(started);
            LogTurn(_logger, activityType, conversation, elapsed.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(_logger, activityType, conversation, ex.GetType().Name);
            turnContext.TurnState.Set(new TurnFailure(ex));
            await ApologizeAsync(turnContext, ex, conversation, cancellationToken).ConfigureAwait(false);
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
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or OperationCanceledException)
        {
            // The connector is what failed: there is no way left to tell the user. The log has the first failure.
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
            var invokeResponse = turnContext.TurnState.Get<TurnFailure>() is not null
                ? new InvokeResponse(StatusCodes.Status500InternalServerError)
                : turnContext.InvokeResponse ?? new InvokeResponse(ActivityHandler.NotImplementedStatus);
            response.StatusCode = invokeResponse.Status;
            if (invokeResponse.Body is { } body)
            {
                response.ContentType = "application/json; charset=utf-8";
                await JsonSerializer.SerializeAsync(response.Body, body, BotJsonContext.Default.JsonElement, cancellationToken)
                    .ConfigureAwait(false);
            }

            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        if (turnContext.ExpectsReplies)
        {
            response.ContentType = "application/json; charset=utf-8";
            var replies = new ExpectedReplies { Activities = [.. turnContext.BufferedReplies] };
            await JsonSerializer.SerializeAsync(response.Body, replies, BotJsonContext.Default.ExpectedReplies, cancellationToken)
                .ConfigureAwait(false);
        }
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

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Turn {ActivityType} in conversation {Conversation} took {ElapsedMs:0.0} ms")]
    private static partial void LogTurn(ILogger logger, string activityType, string conversation, double elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error,
        Message = "Turn {ActivityType} in conversation {Conversation} failed with {ExceptionType}")]
    private static partial void LogTurnFailed(ILogger logger, string activityType, string conversation, string exceptionType);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning, Message = "Request rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "Could not send the apology in conversation {Conversation}: {ExceptionType}")]
    private static partial void LogApologyFailed(ILogger logger, string conversation, string exceptionType);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Debug, Message = "Typing indicator failed: {ExceptionType}")]
    private static partial void LogTypingFailed(ILogger logger, string exceptionType);
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MsalException = Microsoft.Identity.Client.MsalException;

namespace GuidanceBot.BotFramework.Connector;

/// <summary>
/// <see cref="IConnectorClient"/> over HTTP. Every call carries the bot's outbound token (none in local
/// anonymous mode), is retried on the statuses Teams documents as transient while honouring
/// <c>Retry-After</c> (plus a little jitter, up to <see cref="ConnectorOptions.MaxDelay"/>), and times out
/// per attempt. A <see cref="CircuitBreaker"/> per connector host makes calls fail fast while the service is down.
/// </summary>
public sealed partial class ConnectorClient : IConnectorClient
{
    private static readonly HashSet<HttpStatusCode> TransientStatuses =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    private static readonly TimeSpan MinRetryAfterSpread = TimeSpan.FromMilliseconds(250);

    /// <summary>Name of the HttpClient the connector calls go through.</summary>
    public const string HttpClientName = "BotFramework.Connector";

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IAccessTokenProvider _tokens;
    private readonly TimeProvider _time;
    private readonly ConnectorOptions _options;
    private readonly ILogger<ConnectorClient> _logger;

    // One breaker per service root (scheme, host, port and path of the serviceUrl): Teams serves its regions
    // from one host under different paths (smba.trafficmanager.net/amer/, /emea/, /apac/), and one region
    // being down should not stop replies to the others.
    private readonly ConcurrentDictionary<string, CircuitBreaker> _breakers = new(StringComparer.OrdinalIgnoreCase);

    // Service roots come from authenticated activities, a handful per deployment; in local anonymous mode any
    // loopback path is accepted, so past this many the breakers are shared per host and the map stops growing.
    private const int MaxBreakers = 256;

    // And one for the outbound token: while the token endpoint is down, replies fail fast instead of each waiting for it.
    private readonly CircuitBreaker _tokenBreaker;

    public ConnectorClient(
        IHttpClientFactory httpClientFactory,
        IAccessTokenProvider tokens,
        TimeProvider time,
        IOptions<ConnectorOptions> options,
        ILogger<ConnectorClient> logger)
    {
        _httpClientFactory = httpClientFactory;
        _tokens = tokens;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _tokenBreaker = new CircuitBreaker(_options.BreakerFailureThreshold, _options.BreakDuration, _time);
    }

    public Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, ActivitiesUri(activity), activity, cancellationToken);

    public Task<ResourceResponse?> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, ActivitiesUri(activity, activity.ReplyToId), activity, cancellationToken);

    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, ActivitiesUri(activity, activity.Id ?? throw new ArgumentException("An update needs the activity id.", nameof(activity))), activity, cancellationToken);

    public async Task DeleteActivityAsync(
        string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        await SendAsync(HttpMethod.Delete, BuildUri(serviceUrl, conversationId, activityId), null, cancellationToken)
            .ConfigureAwait(false);

    private static Uri ActivitiesUri(Activity activity, string? activityId = null) =>
        BuildUri(
            activity.ServiceUrl ?? throw new ArgumentException("The activity has no serviceUrl.", nameof(activity)),
            activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity)),
            activityId);

    private static Uri BuildUri(string serviceUrl, string conversationId, string? activityId)
    {
        // From the serviceUrl's scheme, host, port and path only: pasting onto the whole string put our path
        // into a query or fragment the serviceUrl carried (".../base?q=1#frag/v3/conversations/...").
        var service = new Uri(serviceUrl, UriKind.Absolute);
        var root = service.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

        // Teams ids contain ':', '@', ';' and '=': every path segment is escaped (PROTOCOL.md §2).
        var path = $"{root.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
        if (activityId is not null)
        {
            path += "/" + Uri.EscapeDataString(activityId);
        }

        return new Uri(path, UriKind.Absolute);
    }

    private async Task<ResourceResponse?> SendAsync(
        HttpMethod method, Uri uri, Activity? activity, CancellationToken cancellationToken)
    {
        var token = await GetTokenAsync(cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (activity is not null)
            {
                request.Content = JsonContent.Create(activity, BotJsonContext.Default.Activity);
            }

            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await SendThroughBreakerAsync(request, method, uri, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return await ReadResourceResponseAsync(response, cancellationToken).ConfigureAwait(false);
            }

            var delay = RetryDelay(response, attempt, activity?.Type == ActivityTypes.Typing);
            if (delay is null)
            {
                LogGaveUp(_logger, method.Method, (int)response.StatusCode, attempt + 1, OperationId(response));
                throw new ConnectorException(
                    response.StatusCode, $"The connector answered {(int)response.StatusCode} to {method.Method}.");
            }

            LogRetrying(_logger, method.Method, (int)response.StatusCode, delay.Value.TotalMilliseconds);
            await Task.Delay(delay.Value, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The outbound token (null in local anonymous mode), within one attempt's timeout. Any failure to get it —
    /// the endpoint down, slow or refusing our credentials — is a <see cref="ConnectorException"/>, so that a
    /// turn fails and apologizes the same way as when the connector itself is down. Only the caller's own
    /// cancellation is passed on as it is.
    /// </summary>
    private async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_tokenBreaker.TryEnter() is not { } lease)
        {
            LogTokenFailedFast(_logger);
            throw new ConnectorException(null, "The outbound token endpoint failed repeatedly; not calling it now.");
        }

        using var attemptTimeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            var token = await _tokens.GetAccessTokenAsync(linked.Token).ConfigureAwait(false);
            _tokenBreaker.OnSuccess(lease);
            return token;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _tokenBreaker.OnNeutral(lease);
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (_tokenBreaker.OnFailure(lease))
            {
                LogTokenCircuitOpened(_logger, _options.BreakDuration.TotalSeconds);
            }

            var reason = TokenFailureReason(ex);
            LogNoToken(_logger, reason);
            throw new ConnectorException(null, $"No outbound token for the connector ({reason}).", ex);
        }
    }

    /// <summary>
    /// What the log may say about a failed token request: the exception type, and MSAL's error code (such as
    /// <c>invalid_client</c> for a wrong secret), never its message, which carries tenant, client and trace ids.
    /// </summary>
    private static string TokenFailureReason(Exception exception) => exception switch
    {
        MsalException msal => $"{exception.GetType().Name} {msal.ErrorCode}",
        OperationCanceledException => "timed out",
        _ => exception.GetType().Name,
    };

    /// <summary>The service root of a request URI built by <see cref="BuildUri"/>, or its host once there are many.</summary>
    private string BreakerKey(Uri uri)
    {
        // Everything before our own "/v3/conversations/": the escaped conversation id holds no '/'.
        var path = uri.AbsolutePath;
        var root = uri.GetLeftPart(UriPartial.Authority) + path[..Math.Max(0, path.LastIndexOf("/v3/conversations/", StringComparison.Ordinal))];
        return _breakers.ContainsKey(root) || _breakers.Count < MaxBreakers ? root : uri.Authority;
    }

    /// <summary>
    /// One attempt, unless the service's circuit is open: then it fails at once. Only signs that the service
    /// itself is unhealthy count as failures — 5xx, timeouts, no connection. 429 and 412 do not: they are
    /// about one conversation's pace (PROTOCOL.md §2.1), and one busy conversation must not cut off the others.
    /// </summary>
    private async Task<HttpResponseMessage> SendThroughBreakerAsync(
        HttpRequestMessage request, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        var breaker = _breakers.GetOrAdd(BreakerKey(uri), _ =>
            new CircuitBreaker(_options.BreakerFailureThreshold, _options.BreakDuration, _time));
        if (breaker.TryEnter() is not { } lease)
        {
            LogFailedFast(_logger, method.Method, uri.Host);
            throw new ConnectorException(null, $"The connector circuit for {method.Method} is open; not calling.");
        }

        HttpResponseMessage response;
        try
        {
            response = await SendOnceAsync(request, method, uri, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException)
        {
            OnFailure(breaker, lease, uri);
            throw;
        }
        catch
        {
            breaker.OnNeutral(lease);
            throw;
        }

        if (response.IsSuccessStatusCode)
        {
            breaker.OnSuccess(lease);
        }
        else if ((int)response.StatusCode >= 500)
        {
            OnFailure(breaker, lease, uri);
        }
        else
        {
            breaker.OnNeutral(lease);
        }

        return response;
    }

    private void OnFailure(CircuitBreaker breaker, CircuitLease lease, Uri uri)
    {
        if (breaker.OnFailure(lease))
        {
            LogCircuitOpened(_logger, uri.Host, _options.BreakDuration.TotalSeconds);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        HttpRequestMessage request, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        using var attemptTimeout = new CancellationTokenSource(_options.AttemptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        try
        {
            // A client per call: the factory rotates handlers, so DNS changes of the service are picked up.
            var client = _httpClientFactory.CreateClient(HttpClientName);
            return await client.SendAsync(request, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            LogTimedOut(_logger, method.Method, uri.Host);
            throw new ConnectorException(null, $"The connector did not answer {method.Method} in time.", ex);
        }
        catch (HttpRequestException ex)
        {
            LogUnreachable(_logger, method.Method, uri.Host, ex.HttpRequestError.ToString());
            throw new ConnectorException(null, $"The connector could not be reached for {method.Method}.", ex);
        }
    }

    private TimeSpan? RetryDelay(HttpResponseMessage response, int attempt, bool isTyping)
    {
        // A typing indicator is sent once: a late one is worthless, and a throttled one waiting out its
        // Retry-After would hold back the answer it was announcing (the answer goes out after it).
        if (isTyping || attempt >= _options.MaxRetries || !TransientStatuses.Contains(response.StatusCode))
        {
            return null;
        }

        if (RetryAfter(response.Headers) is { } asked)
        {
            return asked > _options.MaxDelay ? null : asked + RetryAfterJitter(asked);
        }

        var backoff = _options.BaseDelay * Math.Pow(2, attempt);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        var delay = backoff * jitter;
        return delay > _options.MaxDelay ? null : delay;
    }

    /// <summary>
    /// The wait the service asked for: Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3), never
    /// negative. Read from the raw header because .NET's typed parser drops a delta beyond int.MaxValue seconds
    /// as malformed, which would turn "far too long" into a quick retry; such an all-digits value counts as
    /// <see cref="TimeSpan.MaxValue"/>, beyond any MaxDelay. Null when the header is missing or malformed
    /// (negative, fractional, text): the service told us nothing usable, so our own backoff applies — giving up
    /// would lose the reply over a sloppy header, and retrying at once would hammer a service that throttles.
    /// </summary>
    private TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Retry-After", out var values) || values.Count != 1)
        {
            return null;
        }

        var raw = values.ToString().Trim();
        if (raw.Length > 0 && raw.All(char.IsAsciiDigit))
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : TimeSpan.MaxValue;
        }

        if (RetryConditionHeaderValue.TryParse(raw, out var parsed) && parsed.Date is { } date)
        {
            var untilDate = date - _time.GetUtcNow();
            return untilDate > TimeSpan.Zero ? untilDate : TimeSpan.Zero;
        }

        return null;
    }

    /// <summary>
    /// A little extra on top of an honoured Retry-After: turns throttled together would otherwise all come back at
    /// the same instant and be throttled together again. Never earlier than the service asked (RFC 9110: "at
    /// least"), never beyond MaxDelay. Up to a fifth of the wait, and at least <see cref="MinRetryAfterSpread"/>
    /// so that <c>Retry-After: 0</c> spreads too.
    /// </summary>
    private TimeSpan RetryAfterJitter(TimeSpan asked)
    {
        var spread = TimeSpan.FromTicks(Math.Max(asked.Ticks / 5, MinRetryAfterSpread.Ticks));
        var room = _options.MaxDelay - asked;
        return (spread < room ? spread : room) * Random.Shared.NextDouble();
    }

    private static async Task<ResourceResponse?> ReadResourceResponseAsync(
        HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Some channels (and the Agents Playground for replies with attachments) answer 200/202 with an empty body.
        if (response.Content.Headers.ContentLength is 0 or null && response.StatusCode != HttpStatusCode.OK)
        {
            return null;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize(body, BotJsonContext.Default.ResourceResponse);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? OperationId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning,
        Message = "Connector answered {Status} to {Method}; retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, string method, int status, double delayMs);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error,
        Message = "Connector answered {Status} to {Method} after {Attempts} attempt(s); operation id {OperationId}")]
    private static partial void LogGaveUp(ILogger logger, string method, int status, int attempts, string? operationId);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error,
        Message = "Connector circuit for {Host} opened: failing fast for {BreakSeconds} s")]
    private static partial void LogCircuitOpened(ILogger logger, string host, double breakSeconds);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Connector {Method} to {Host} not sent: circuit open")]
    private static partial void LogFailedFast(ILogger logger, string method, string host);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "No outbound token for the connector: {Reason}")]
    private static partial void LogNoToken(ILogger logger, string reason);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error,
        Message = "Outbound token circuit opened: replies fail fast for {BreakSeconds} s")]
    private static partial void LogTokenCircuitOpened(ILogger logger, double breakSeconds);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Connector call not sent: the outbound token circuit is open")]
    private static partial void LogTokenFailedFast(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Connector {Method} to {Host} timed out")]
    private static partial void LogTimedOut(ILogger logger, string method, string host);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Error, Message = "Connector {Method} to {Host} failed: {Error}")]
    private static partial void LogUnreachable(ILogger logger, string method, string host, string error);
}

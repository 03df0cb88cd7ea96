using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// The OpenID metadata, signing keys included, of one token issuer. IdentityModel's ConfigurationManager keeps a
/// copy and refreshes it about every 12 hours. A token that names a key the copy lacks usually means the issuer has
/// rolled its keys over; <see cref="GetAfterUnknownKeyAsync"/> then fetches the metadata itself and waits for it.
/// Asking the ConfigurationManager is not enough: since IdentityModel 8 its requested refresh runs in the
/// background and hands out the old copy meanwhile, so the request that brought the first token signed with the
/// new key was refused with 401: the message that professional sent went unanswered.
/// </summary>
internal sealed class IssuerMetadata
{
    /// <summary>
    /// The least time between two fetches for unknown keys, IdentityModel's own interval for requested refreshes:
    /// tokens with made-up key ids cannot make us fetch on every request.
    /// </summary>
    public static readonly TimeSpan UnknownKeyFetchInterval = ConfigurationManager<OpenIdConnectConfiguration>.DefaultRefreshInterval;

    /// <summary>
    /// The least time before another try when that fetch failed: the requests it failed answer 503 with a
    /// Retry-After of 5 s (CloudAdapter), so a blip does not hold a rolled-over key back for the whole interval.
    /// </summary>
    public static readonly TimeSpan FailedFetchRetryInterval = TimeSpan.FromSeconds(5);

    private readonly string _address;
    private readonly IDocumentRetriever _retriever;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _cached;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private Task<OpenIdConnectConfiguration>? _unknownKeyFetch;
    private DateTimeOffset _unknownKeyFetchStarted;

    public IssuerMetadata(string address, IDocumentRetriever retriever, TimeSpan timeout, TimeProvider time)
    {
        _address = address;
        _retriever = retriever;
        _cached = new(address, new OpenIdConnectConfigurationRetriever(), retriever);
        _timeout = timeout;
        _time = time;
    }

    /// <summary>
    /// The cached metadata, or the reason it could not be had within the timeout. IdentityModel fetches without
    /// the caller's cancellation and lets the other requests queue for that one fetch; the HttpClient's timeout
    /// ends the fetch, and this timeout ends the wait of a request in that queue.
    /// </summary>
    public Task<(OpenIdConnectConfiguration? Configuration, Exception? Failure)> GetAsync(CancellationToken cancellationToken)
    {
        var cached = _cached.GetConfigurationAsync(CancellationToken.None);
        // Nearly always the copy in memory, complete at once: only a fetch (the first, and one every 12 hours in the
        // background) is worth a timer and two cancellation sources.
        return cached.IsCompletedSuccessfully
            ? Task.FromResult<(OpenIdConnectConfiguration?, Exception?)>((cached.Result, null))
            : WithinTimeoutAsync(cached.WaitAsync, cancellationToken);
    }

    /// <summary>
    /// Metadata fetched for a token whose key the cached copy lacks: fetched now, or at most
    /// <see cref="UnknownKeyFetchInterval"/> ago (<see cref="FailedFetchRetryInterval"/> if that fetch failed);
    /// requests that arrive during a fetch share it. Also asks the cached copy to catch up, so that later tokens
    /// with the new key are checked without coming here.
    /// </summary>
    public Task<(OpenIdConnectConfiguration? Configuration, Exception? Failure)> GetAfterUnknownKeyAsync(
        CancellationToken cancellationToken)
    {
        Task<OpenIdConnectConfiguration> fetch;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var interval = _unknownKeyFetch is { IsCompleted: true, IsCompletedSuccessfully: false }
                ? FailedFetchRetryInterval
                : UnknownKeyFetchInterval;
            if (_unknownKeyFetch is null || now - _unknownKeyFetchStarted >= interval)
            {
                _unknownKeyFetchStarted = now;
                _unknownKeyFetch = Task.Run(FetchAsync, CancellationToken.None);
                _cached.RequestRefresh();
            }

            fetch = _unknownKeyFetch;
        }

        return WithinTimeoutAsync(fetch.WaitAsync, cancellationToken);
    }

    private async Task<OpenIdConnectConfiguration> FetchAsync()
    {
        try
        {
            // Bounded by the HttpClient's timeout; shared by every request waiting for it, so not by one's cancellation.
            return await OpenIdConnectConfigurationRetriever.GetAsync(_address, _retriever, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Wrapped as IdentityModel's ConfigurationManager wraps a failed fetch, so both fail the same way below.
            throw new InvalidOperationException("The issuer's metadata could not be fetched.", ex);
        }
    }

    // Wall-clock time, as the HttpClient's own timeout is, rather than the injected TimeProvider.
    private async Task<(OpenIdConnectConfiguration? Configuration, Exception? Failure)> WithinTimeoutAsync(
        Func<CancellationToken, Task<OpenIdConnectConfiguration>> get, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return (await get(linked.Token).ConfigureAwait(false), null);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, ex);
        }
        catch (InvalidOperationException ex)
        {
            // IdentityModel's wrapper for a fetch that failed (no answer in time, no connection, a 5xx, a document it cannot read).
            return (null, ex);
        }
    }
}

using System.Net;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;

namespace GuidanceBot.BotFramework.Tests.Auth;

/// <summary>The fetch for a token whose key the cached metadata lacks: how often, shared by whom, and how it fails.</summary>
public sealed class IssuerMetadataTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    private readonly TestTokenIssuer _issuer = new("msteams");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => _issuer.Dispose();

    [Fact]
    public async Task AfterUnknownKey_WithinTheInterval_UsesTheSameFetch_AndAfterItFetchesAgain()
    {
        var metadata = Metadata(_issuer.MetadataHandler());

        var (first, _) = await metadata.GetAfterUnknownKeyAsync(CancellationToken.None);
        _time.Advance(IssuerMetadata.UnknownKeyFetchInterval - TimeSpan.FromSeconds(1));
        var (withinInterval, _) = await metadata.GetAfterUnknownKeyAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var (afterInterval, _) = await metadata.GetAfterUnknownKeyAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Same(first, withinInterval);
        Assert.NotNull(afterInterval);
        Assert.NotSame(first, afterInterval);
        Assert.Contains(afterInterval.SigningKeys, key => key.KeyId == _issuer.SigningKey.KeyId);
    }

    [Fact]
    public async Task AfterUnknownKey_RequestsArrivingDuringTheFetch_WaitForThatOneFetch()
    {
        var release = new TaskCompletionSource();
        var keySetRequests = 0;
        var published = _issuer.MetadataHandler();
        var metadata = Metadata(new DelegatingStub(async (request, cancellationToken) =>
        {
            if (request.RequestUri!.AbsoluteUri == TestTokenIssuer.JwksUrl)
            {
                Interlocked.Increment(ref keySetRequests);
                await release.Task.WaitAsync(cancellationToken);
            }

            return await new HttpMessageInvoker(published, disposeHandler: false).SendAsync(request, cancellationToken);
        }));

        var waiting = Enumerable.Range(0, 10).Select(_ => metadata.GetAfterUnknownKeyAsync(CancellationToken.None)).ToArray();
        release.SetResult();
        var results = await Task.WhenAll(waiting);

        Assert.All(results, result => Assert.Same(results[0].Configuration, result.Configuration));
        Assert.NotNull(results[0].Configuration);
        // Ours, and at most the cached copy's own refresh that it was asked for.
        Assert.InRange(Volatile.Read(ref keySetRequests), 1, 2);
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.NotFound)]
    [InlineData(HttpStatusCode.OK)]
    public async Task AfterUnknownKey_AFailedFetch_IsReportedAsAFailure_NotThrown(HttpStatusCode status)
    {
        // OK with a body that is not a key set: a document the retriever cannot read.
        var metadata = Metadata(new StubHttpHandler(_ => StubHttpHandler.Json("{\"keys\": 42", status)));

        var (configuration, failure) = await metadata.GetAfterUnknownKeyAsync(CancellationToken.None);

        Assert.Null(configuration);
        Assert.IsType<InvalidOperationException>(failure);
    }

    [Fact]
    public async Task AfterUnknownKey_AFailedFetch_IsTriedAgainAfterAFewSeconds_NotAfterTheWholeInterval()
    {
        var down = true;
        var published = _issuer.MetadataHandler();
        var metadata = Metadata(new DelegatingStub(async (request, cancellationToken) => Volatile.Read(ref down)
            ? new HttpResponseMessage(HttpStatusCode.ServiceUnavailable)
            : await new HttpMessageInvoker(published, disposeHandler: false).SendAsync(request, cancellationToken)));

        var (duringOutage, _) = await metadata.GetAfterUnknownKeyAsync(CancellationToken.None);
        Volatile.Write(ref down, false);
        var (tooSoon, _) = await metadata.GetAfterUnknownKeyAsync(CancellationToken.None);
        _time.Advance(IssuerMetadata.FailedFetchRetryInterval);
        var (afterAFewSeconds, _) = await metadata.GetAfterUnknownKeyAsync(CancellationToken.None);

        Assert.Null(duringOutage);
        Assert.Null(tooSoon);
        Assert.NotNull(afterAFewSeconds);
        Assert.True(IssuerMetadata.FailedFetchRetryInterval < IssuerMetadata.UnknownKeyFetchInterval);
    }

    [Fact]
    public async Task AfterUnknownKey_AFetchThatDoesNotAnswer_IsGivenUpOnAtTheTimeout()
    {
        var metadata = new IssuerMetadata(
            TestTokenIssuer.MetadataUrl,
            new HttpDocumentRetriever(new HttpClient(new DelegatingStub(async (_, cancellationToken) =>
            {
                await Task.Delay(System.Threading.Timeout.Infinite, cancellationToken);
                throw new InvalidOperationException("unreachable");
            }))),
            TimeSpan.FromMilliseconds(200),
            _time);

        var fetch = metadata.GetAfterUnknownKeyAsync(CancellationToken.None);
        var finished = await Task.WhenAny(fetch, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.Same(fetch, finished);
        var (configuration, failure) = await fetch;
        Assert.Null(configuration);
        Assert.IsAssignableFrom<OperationCanceledException>(failure);
    }

    private IssuerMetadata Metadata(HttpMessageHandler handler) =>
        new(TestTokenIssuer.MetadataUrl, new HttpDocumentRetriever(new HttpClient(handler)), Timeout, _time);
}

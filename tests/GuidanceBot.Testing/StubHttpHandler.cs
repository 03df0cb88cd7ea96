using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace GuidanceBot.Testing;

/// <summary>What a <see cref="StubHttpHandler"/> saw of one request.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string Body);

/// <summary>
/// An HttpMessageHandler that answers from a function and records every request: the fake for the
/// Bot Connector, the OpenID metadata endpoint and the token endpoint.
/// </summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Func<RecordedRequest, HttpResponseMessage> _respond;

    public StubHttpHandler(Func<RecordedRequest, HttpResponseMessage> respond)
    {
        _respond = respond;
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        Requests.Enqueue(recorded);
        return _respond(recorded);
    }
}

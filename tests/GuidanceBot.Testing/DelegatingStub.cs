namespace GuidanceBot.Testing;

/// <summary>
/// An HttpMessageHandler that answers from an async function, so it can wait, throw or answer, as a real endpoint
/// that is slow or down does. <see cref="StubHttpHandler"/> is the one that records and answers at once.
/// </summary>
public sealed class DelegatingStub(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> respond)
    : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        respond(request, cancellationToken);
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GuidanceBot.Testing;

/// <summary>What a <see cref="LoopbackHttpServer"/> received: the request line's method and target, and the body.</summary>
public sealed record LoopbackRequest(string Method, string Target, string Body);

/// <summary>What a <see cref="LoopbackHttpServer"/> answers: a status, a JSON body and, for redirects, a Location.</summary>
public sealed record LoopbackResponse(int Status, string Body = "", Uri? Location = null)
{
    public static LoopbackResponse Json(string body) => new(200, body);

    public static LoopbackResponse Redirect(int status, Uri location) => new(status, Location: location);
}

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 over a raw socket, for tests that need the real client handler
/// chain (SocketsHttpHandler: redirects, diagnostics) rather than a <see cref="StubHttpHandler"/>. It answers
/// one request per connection, one connection at a time. Unlike Kestrel it starts no activities and logs
/// nothing, so a test can watch everything the client side emits.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackRequest, LoopbackResponse> _respond;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse> respond)
    {
        _respond = respond;
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    public Uri BaseAddress => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    public ConcurrentQueue<LoopbackRequest> Requests { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        catch (SocketException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            try
            {
                await AnswerAsync(client.GetStream(), _stop.Token);
            }
            catch (IOException)
            {
                // The client hung up mid-request; the test sees it on its side.
            }
        }
    }

    private async Task AnswerAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var input = new BufferedStream(stream);
        var requestLine = (await ReadLineAsync(input, cancellationToken)).Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var line = await ReadLineAsync(input, cancellationToken); line.Length > 0; line = await ReadLineAsync(input, cancellationToken))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var body = await ReadBodyAsync(input, headers, cancellationToken);
        var request = new LoopbackRequest(requestLine[0], requestLine[1], body);
        Requests.Enqueue(request);

        var response = _respond(request);
        var content = Encoding.UTF8.GetBytes(response.Body);
        var head = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} Status\r\n")
            .Append("Content-Type: application/json\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {content.Length}\r\n")
            .Append("Connection: close\r\n");
        if (response.Location is not null)
        {
            head.Append(CultureInfo.InvariantCulture, $"Location: {response.Location.AbsoluteUri}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(content, cancellationToken);
        await stream.FlushAsync(cancellationToken);
    }

    private static async Task<string> ReadBodyAsync(
        Stream input, Dictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var body = new MemoryStream();
        if (headers.TryGetValue("Content-Length", out var length))
        {
            await CopyAsync(input, body, int.Parse(length, CultureInfo.InvariantCulture), cancellationToken);
        }
        else if (headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            // JsonContent has no length up front, so the client sends the activity chunked.
            for (var size = await ChunkSizeAsync(input, cancellationToken); size > 0; size = await ChunkSizeAsync(input, cancellationToken))
            {
                await CopyAsync(input, body, size, cancellationToken);
                await ReadLineAsync(input, cancellationToken);
            }

            await ReadLineAsync(input, cancellationToken);
        }

        return Encoding.UTF8.GetString(body.ToArray());
    }

    private static async Task<int> ChunkSizeAsync(Stream input, CancellationToken cancellationToken)
    {
        var line = await ReadLineAsync(input, cancellationToken);
        var extension = line.IndexOf(';', StringComparison.Ordinal);
        return int.Parse(extension < 0 ? line : line[..extension], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }

    private static async Task CopyAsync(Stream input, Stream output, int count, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        await input.ReadExactlyAsync(buffer, cancellationToken);
        await output.WriteAsync(buffer, cancellationToken);
    }

    private static async Task<string> ReadLineAsync(Stream input, CancellationToken cancellationToken)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (true)
        {
            await input.ReadExactlyAsync(one, cancellationToken);
            if (one[0] == '\n')
            {
                return Encoding.ASCII.GetString([.. line]).TrimEnd('\r');
            }

            line.Add(one[0]);
        }
    }
}

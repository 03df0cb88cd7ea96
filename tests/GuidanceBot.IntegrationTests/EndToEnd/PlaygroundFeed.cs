using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// One of the playground's WebSocket streams, read from the moment it connects: every event is kept, so a
/// test waits for a condition over everything seen so far, whatever the order of arrival. The playground
/// buffers events while no client is connected, so connecting before the first request loses nothing.
/// </summary>
public sealed class PlaygroundFeed<T> : IAsyncDisposable
    where T : class
{
    private readonly ClientWebSocket _socket = new();
    private readonly Func<JsonObject, T> _parse;
    private readonly List<T> _events = [];
    private readonly List<string> _raw = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _changed = NewSignal();
    private string? _closedReason;
    private Task _receiving = Task.CompletedTask;

    public PlaygroundFeed(Uri uri, Func<JsonObject, T> parse)
    {
        Uri = uri;
        _parse = parse;
    }

    public Uri Uri { get; }

    /// <summary>Connects and starts keeping events; returns once the WebSocket handshake is done.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(Uri, cancellationToken);
        _receiving = ReceiveAsync();
    }

    /// <summary>Every event seen so far, in arrival order.</summary>
    public IReadOnlyList<T> Snapshot()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    /// <summary>
    /// The first event (in arrival order) that matches, waiting for it up to <paramref name="timeout"/>.
    /// Fails with the <paramref name="description"/> and every event seen when none arrives in time.
    /// </summary>
    public async Task<T> WaitForAsync(Func<T, bool> predicate, string description, TimeSpan? timeout = null)
    {
        var limit = timeout ?? EndToEndSession.WaitTimeout;
        using var deadline = new CancellationTokenSource(limit);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var match = _events.FirstOrDefault(predicate);
                if (match is not null)
                {
                    return match;
                }

                if (_closedReason is not null)
                {
                    throw new InvalidOperationException(
                        $"{Uri.AbsolutePath} closed ({_closedReason}) before {description} arrived.\n{Describe()}");
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Waited {limit.TotalSeconds:0} s on {Uri.AbsolutePath} for {description}; it did not arrive.\n{Describe()}");
            }
        }
    }

    /// <summary>A line per event seen, for failure messages.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            var lines = _events.Select((e, i) => $"  {i + 1,3}. {e}");
            return $"{Uri.AbsolutePath}: {_events.Count} event(s)\n{string.Join('\n', lines)}";
        }
    }

    /// <summary>The raw JSON of every event, for the artifacts folder.</summary>
    public IReadOnlyList<string> RawEvents()
    {
        lock (_gate)
        {
            return [.. _raw];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task ReceiveAsync()
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var frame = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (frame.MessageType == WebSocketMessageType.Close)
                {
                    Close($"closed by the playground: {frame.CloseStatus} {frame.CloseStatusDescription}");
                    return;
                }

                message.Write(buffer, 0, frame.Count);
                if (frame.EndOfMessage)
                {
                    Add(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            Close("disposed");
        }
        catch (WebSocketException e)
        {
            Close(e.Message);
        }
    }

    private void Add(string json)
    {
        T? parsed = null;
        try
        {
            if (JsonNode.Parse(json) is JsonObject e)
            {
                parsed = _parse(e);
            }
        }
        catch (JsonException)
        {
        }

        lock (_gate)
        {
            _raw.Add(json);
            if (parsed is not null)
            {
                _events.Add(parsed);
            }

            Signal();
        }
    }

    private void Close(string reason)
    {
        lock (_gate)
        {
            _closedReason ??= reason;
            Signal();
        }
    }

    // Called under _gate: wakes every waiter, which then re-checks the events and waits on a fresh signal.
    private void Signal()
    {
        var changed = _changed;
        _changed = NewSignal();
        changed.TrySetResult();
    }
}

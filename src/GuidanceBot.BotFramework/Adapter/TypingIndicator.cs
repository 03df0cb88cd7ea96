using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Sends a typing activity when a message turn runs longer than <see cref="AdapterOptions.TypingDelay"/>,
/// and repeats it until stopped. Failures only go to <c>onFailure</c>: a lost typing indicator must
/// never fail the turn.
/// </summary>
internal sealed class TypingIndicator : IDisposable
{
    private readonly TurnContext _turnContext;
    private readonly Action<Exception> _onFailure;
    private readonly CancellationToken _cancellationToken;
    private readonly ITimer _timer;
    // Guards the two fields below, so that no tick can start a send after StopAsync has returned.
    private readonly Lock _gate = new();
    private Task _lastSend = Task.CompletedTask;
    private bool _stopped;

    public TypingIndicator(
        TurnContext turnContext, AdapterOptions options, TimeProvider time, Action<Exception> onFailure, CancellationToken cancellationToken)
    {
        _turnContext = turnContext;
        _onFailure = onFailure;
        _cancellationToken = cancellationToken;
        _timer = time.CreateTimer(_ => Tick(), null, options.TypingDelay, options.TypingInterval);
    }

    /// <summary>
    /// Stops the ticks and returns the typing activity still on its way, if any, so that the caller can let it
    /// land before the replies go out (no late "typing…" after them). The task never fails: a failed send has
    /// already gone to <c>onFailure</c>.
    /// </summary>
    public Task StopAsync()
    {
        Task lastSend;
        lock (_gate)
        {
            _stopped = true;
            lastSend = _lastSend;
        }

        _timer.Dispose();
        return lastSend;
    }

    public void Dispose() => _ = StopAsync();

    private void Tick()
    {
        lock (_gate)
        {
            // Skip a tick while the previous typing activity is still on its way.
            if (_stopped || !_lastSend.IsCompleted)
            {
                return;
            }

            _lastSend = SendAsync();
        }
    }

    private async Task SendAsync()
    {
        try
        {
            var typing = new Activity { Type = ActivityTypes.Typing };
            await _turnContext.SendActivityAsync(typing, _cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _onFailure(ex);
        }
    }
}

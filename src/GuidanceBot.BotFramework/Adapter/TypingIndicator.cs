using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Sends a typing activity when a message turn runs longer than <see cref="AdapterOptions.TypingDelay"/>,
/// and repeats it until stopped. Failures only go to <c>onFailure</c>: a lost typing indicator must
/// never fail the turn, nor hold back its answer: a send still on its way when the turn is done gets
/// <see cref="StopGrace"/> to land and is then called off.
/// </summary>
internal sealed class TypingIndicator : IDisposable
{
    /// <summary>
    /// How long a finished turn waits for a typing send still on its way. Long enough for a healthy connector
    /// (tens of milliseconds), so that no "typing…" shows after the answer; a connector slower than that would
    /// hold the answer back for the whole attempt timeout.
    /// </summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);

    private readonly TurnContext _turnContext;
    private readonly Action<Exception> _onFailure;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _sends;
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
        _time = time;
        _sends = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _timer = time.CreateTimer(_ => Tick(), null, options.TypingDelay, options.TypingInterval);
    }

    /// <summary>
    /// Stops the ticks and lets the typing activity still on its way, if any, land within <see cref="StopGrace"/>
    /// (then calls it off), so that the caller can send the replies after it: no late "typing…" after them,
    /// and no answer waiting on a slow typing send. The task never fails: a failed send has already gone to <c>onFailure</c>.
    /// </summary>
    public async Task StopAsync()
    {
        Task lastSend;
        lock (_gate)
        {
            _stopped = true;
            lastSend = _lastSend;
        }

        _timer.Dispose();
        if (lastSend.IsCompleted)
        {
            return;
        }

        try
        {
            await lastSend.WaitAsync(StopGrace, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            await _sends.CancelAsync().ConfigureAwait(false);
            await lastSend.ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _stopped = true;
        }

        _timer.Dispose();
        // Reached without StopAsync only when the turn failed: a send still on its way is of no use.
        _sends.Cancel();
        _sends.Dispose();
    }

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
            await _turnContext.SendActivityAsync(typing, _sends.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _onFailure(ex);
        }
    }
}

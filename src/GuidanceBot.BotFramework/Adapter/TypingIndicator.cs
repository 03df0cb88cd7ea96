using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Sends a typing activity when a message turn runs longer than <see cref="AdapterOptions.TypingDelay"/>,
/// and repeats it until disposed. Failures only go to <c>onFailure</c>: a lost typing indicator must
/// never fail the turn.
/// </summary>
internal sealed class TypingIndicator : IDisposable
{
    private readonly TurnContext _turnContext;
    private readonly Action<Exception> _onFailure;
    private readonly CancellationToken _cancellationToken;
    private readonly ITimer _timer;
    private int _sending;
    private volatile bool _disposed;

    public TypingIndicator(
        TurnContext turnContext, AdapterOptions options, TimeProvider time, Action<Exception> onFailure, CancellationToken cancellationToken)
    {
        _turnContext = turnContext;
        _onFailure = onFailure;
        _cancellationToken = cancellationToken;
        _timer = time.CreateTimer(_ => _ = SendAsync(), null, options.TypingDelay, options.TypingInterval);
    }

    public void Dispose()
    {
        _disposed = true;
        _timer.Dispose();
    }

    private async Task SendAsync()
    {
        // Skip a tick while the previous typing activity is still on its way.
        if (_disposed || Interlocked.Exchange(ref _sending, 1) == 1)
        {
            return;
        }

        try
        {
            var typing = new Activity { Type = ActivityTypes.Typing };
            await _turnContext.SendActivityAsync(typing, _cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _onFailure(ex);
        }
        finally
        {
            Volatile.Write(ref _sending, 0);
        }
    }
}

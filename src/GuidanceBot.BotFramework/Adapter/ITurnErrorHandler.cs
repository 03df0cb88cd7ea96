namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Tells the user that a turn failed (the SDK's <c>OnTurnError</c>). The product supplies the words;
/// the adapter has already logged the failure without any message text.
/// </summary>
public interface ITurnErrorHandler
{
    Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken);
}

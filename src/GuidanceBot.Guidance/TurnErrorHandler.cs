using GuidanceBot.BotFramework.Adapter;

namespace GuidanceBot.Guidance;

/// <summary>Says sorry in Dutch when a turn failed; the adapter already logged it without message text.</summary>
public sealed class TurnErrorHandler : ITurnErrorHandler
{
    public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(GuidanceTexts.TurnFailed, cancellationToken);
}

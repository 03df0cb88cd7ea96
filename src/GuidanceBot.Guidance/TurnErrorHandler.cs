using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Storage;

namespace GuidanceBot.Guidance;

/// <summary>Says sorry in Dutch when a turn failed; the adapter already logged it without message text.</summary>
public sealed class TurnErrorHandler : ITurnErrorHandler
{
    public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(TextFor(exception), cancellationToken);

    private static string TextFor(Exception exception) =>
        exception switch
        {
            // The adapter re-ran the turn and it still collided: the user's click or message was not applied.
            StorageConflictException => GuidanceTexts.TurnConflict,
            _ when StorageUnavailableException.IsCause(exception) => GuidanceTexts.StoreUnavailable,
            _ => GuidanceTexts.TurnFailed,
        };
}

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>The bot logic the adapter runs for every authenticated activity.</summary>
public interface IBot
{
    Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>Convenience overloads of <see cref="ITurnContext"/>, as in the Bot Framework SDK.</summary>
public static class TurnContextExtensions
{
    /// <summary>Sends a plain-text message.</summary>
    public static Task<ResourceResponse?> SendActivityAsync(
        this ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(
            new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" }, cancellationToken);
}

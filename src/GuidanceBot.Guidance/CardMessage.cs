using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;

namespace GuidanceBot.Guidance;

/// <summary>Wraps product cards into message activities.</summary>
public static class CardMessage
{
    public static Activity From(AdaptiveCard card) => new()
    {
        Type = ActivityTypes.Message,
        Attachments = [new ReadOnlyMemory<byte>(CardSerializer.ToUtf8Json(card)).ToAdaptiveCardAttachment()],
    };
}

using GuidanceBot.BotFramework.Adapter;

namespace GuidanceBot.Guidance;

/// <summary>The Dutch replies the adapter sends when it refuses a message (too long, too many).</summary>
public sealed class TurnLimitTexts : ITurnLimitTexts
{
    public string MessageTooLong => GuidanceTexts.MessageTooLong;

    public string TooManyMessages => GuidanceTexts.TooManyMessages;

    public string TooManySearches => GuidanceTexts.TooManySearches;
}

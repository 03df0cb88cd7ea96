namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// The words the adapter sends when it refuses a message or a search before it becomes a turn. The product supplies them
/// (in Dutch); without an implementation the adapter refuses silently.
/// </summary>
public interface ITurnLimitTexts
{
    /// <summary>Reply to a message longer than <see cref="AdapterOptions.MaxTextLength"/>; nothing of it was kept.</summary>
    string MessageTooLong { get; }

    /// <summary>Reply, once per window, to a conversation over its rate limit; the other messages are dropped.</summary>
    string TooManyMessages { get; }

    /// <summary>
    /// Shown in the message extension's search box, instead of results, for a search over the conversation's
    /// rate limit; every such search gets it.
    /// </summary>
    string TooManySearches { get; }
}

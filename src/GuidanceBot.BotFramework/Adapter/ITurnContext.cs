using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// One turn of a conversation: the inbound activity and the ways to answer it (Bot Framework's
/// <c>ITurnContext</c>). Not thread-safe: one turn is handled by one logical flow of awaits.
/// </summary>
public interface ITurnContext
{
    /// <summary>The inbound activity.</summary>
    Activity Activity { get; }

    /// <summary>True once the bot sent at least one message activity in this turn.</summary>
    bool Responded { get; }

    /// <summary>
    /// Set by an invoke handler: the adapter writes its status and body as the HTTP response
    /// (PROTOCOL.md §1.1).
    /// </summary>
    InvokeResponse? InvokeResponse { get; set; }

    /// <summary>Typed per-turn services and values (e.g. the loaded conversation state), keyed by type.</summary>
    TurnStateBag TurnState { get; }

    /// <summary>
    /// Sends <paramref name="activity"/> into the conversation. Missing addressing fields (conversation,
    /// from, recipient, serviceUrl, replyToId) are taken from the inbound activity. Replies are delivered
    /// when the turn has ended well (its state saved), so a turn that is re-run never repeats them.
    /// </summary>
    Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Replaces a message the bot sent earlier.</summary>
    Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Deletes a message the bot sent earlier.</summary>
    Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken);
}

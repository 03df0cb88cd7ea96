using System.Text.Json.Serialization.Metadata;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.State;

/// <summary>
/// State of one conversation (a 1:1 chat, a group chat or a channel): the dialog stack and the answers
/// a running flow needs. Expires after <see cref="BotStateOptions.ConversationIdleTimeout"/>.
/// </summary>
public sealed class ConversationState<TState> : BotState<TState>
    where TState : class, IBotStateDocument, new()
{
    public ConversationState(IStorage storage, JsonTypeInfo<TState> typeInfo, IOptions<BotStateOptions> options)
        : base(storage, typeInfo, (options ?? throw new ArgumentNullException(nameof(options))).Value.ConversationIdleTimeout)
    {
    }

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var conversationId = activity.Conversation?.Id
            ?? throw new InvalidOperationException("The activity has no conversation id; conversation state needs one.");
        return HashedKey("conversation", activity.ChannelId, conversationId);
    }
}

using System.Text.Json.Serialization.Metadata;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.State;

/// <summary>
/// State of one user across conversations. Expires after <see cref="BotStateOptions.UserIdleTimeout"/>.
/// Keep it to preferences: nothing about the young people a professional works with belongs here.
/// </summary>
public sealed class UserState<TState> : BotState<TState>
    where TState : class, IBotStateDocument, new()
{
    public UserState(IStorage storage, JsonTypeInfo<TState> typeInfo, IOptions<BotStateOptions> options)
        : base(storage, typeInfo, (options ?? throw new ArgumentNullException(nameof(options))).Value.UserIdleTimeout)
    {
    }

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var userId = activity.From?.AadObjectId ?? activity.From?.Id
            ?? throw new InvalidOperationException("The activity has no sender id; user state needs one.");
        return HashedKey("user", activity.ChannelId, userId);
    }
}

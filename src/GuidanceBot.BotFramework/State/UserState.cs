using System.Text.Json.Serialization.Metadata;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.Options;

namespace GuidanceBot.BotFramework.State;

/// <summary>
/// State of one user across conversations, keyed by the sender (<c>from.aadObjectId</c>, else <c>from.id</c>),
/// so it is the same in every chat. Expires after <see cref="BotStateOptions.UserIdleTimeout"/> unless
/// another time to live is given. Keep it to preferences and what the product must find again from any
/// chat: nothing about the young people a professional works with beyond what a flow itself keeps.
/// </summary>
public sealed class UserState<TState> : BotState<TState>
    where TState : class, IBotStateDocument, new()
{
    /// <summary>The key prefix of user documents unless another is given.</summary>
    public const string DefaultKeyPrefix = "user";

    private readonly string _keyPrefix;

    public UserState(IStorage storage, JsonTypeInfo<TState> typeInfo, IOptions<BotStateOptions> options)
        : this(storage, typeInfo, (options ?? throw new ArgumentNullException(nameof(options))).Value.UserIdleTimeout, DefaultKeyPrefix)
    {
    }

    /// <summary>
    /// A user document with its own time to live and key prefix: two user documents of different types
    /// need different prefixes (a short lower-case word), or they would share one storage key.
    /// </summary>
    public UserState(IStorage storage, JsonTypeInfo<TState> typeInfo, TimeSpan idleTimeout, string keyPrefix)
        : base(storage, typeInfo, idleTimeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(keyPrefix);
        _keyPrefix = keyPrefix;
    }

    protected override string GetStorageKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        var userId = UserIds.Of(activity)
            ?? throw new InvalidOperationException("The activity has no sender id; user state needs one.");
        return HashedKey(_keyPrefix, activity.ChannelId, userId);
    }
}

/// <summary>Which user an activity is from, for user-scoped state.</summary>
public static class UserIds
{
    /// <summary>
    /// The sender's <c>aadObjectId</c> (the same in every chat and tenant app), else its channel id; null when
    /// the activity names no sender. Empty ids count as missing, so senders without an id never share a document.
    /// </summary>
    public static string? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var from = activity.From;
        return !string.IsNullOrEmpty(from?.AadObjectId) ? from.AadObjectId
            : !string.IsNullOrEmpty(from?.Id) ? from.Id
            : null;
    }
}

using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// The adapter's <see cref="ITurnContext"/>. With <c>deliveryMode: expectReplies</c> every sent
/// activity is buffered for the HTTP body instead of going to the connector (PROTOCOL.md §1.1).
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly IConnectorClient _connector;
    private readonly List<Activity> _bufferedReplies = [];

    public TurnContext(Activity activity, IConnectorClient connector)
    {
        Activity = activity;
        _connector = connector;
    }

    public Activity Activity { get; }

    public bool Responded { get; private set; }

    public InvokeResponse? InvokeResponse { get; set; }

    public TurnStateBag TurnState { get; } = new();

    /// <summary>True when replies go in the HTTP response body rather than to the connector.</summary>
    public bool ExpectsReplies =>
        string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>The activities buffered for an <c>expectReplies</c> response, in the order they were sent.</summary>
    public IReadOnlyList<Activity> BufferedReplies => _bufferedReplies;

    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ApplyConversationReference(activity);
        if (activity.Type == ActivityTypes.Message)
        {
            Responded = true;
        }

        if (ExpectsReplies)
        {
            // Typing indicators mean nothing in a synchronous body.
            if (activity.Type != ActivityTypes.Typing)
            {
                _bufferedReplies.Add(activity);
            }

            return null;
        }

        return activity.ReplyToId is null
            ? await _connector.SendToConversationAsync(activity, cancellationToken).ConfigureAwait(false)
            : await _connector.ReplyToActivityAsync(activity, cancellationToken).ConfigureAwait(false);
    }

    public Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ApplyConversationReference(activity);
        activity.ReplyToId = null;
        return _connector.UpdateActivityAsync(activity, cancellationToken);
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken) =>
        _connector.DeleteActivityAsync(
            Activity.ServiceUrl!, Activity.Conversation!.Id!, activityId, cancellationToken);

    private void ApplyConversationReference(Activity activity)
    {
        activity.Type ??= ActivityTypes.Message;
        activity.Conversation ??= Activity.Conversation;
        activity.From ??= Activity.Recipient;
        activity.Recipient ??= Activity.From;
        activity.ServiceUrl ??= Activity.ServiceUrl;
        activity.ChannelId ??= Activity.ChannelId;
        activity.Locale ??= Activity.Locale;
        if (activity.Type == ActivityTypes.Message)
        {
            activity.ReplyToId ??= Activity.Id;
        }
    }
}

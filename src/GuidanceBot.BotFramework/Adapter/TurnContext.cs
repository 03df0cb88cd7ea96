using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// The adapter's <see cref="ITurnContext"/>. Whatever the bot sends, updates or deletes during the turn is
/// held back, in order, until <see cref="FlushAsync"/>: the adapter flushes only after the bot returned,
/// that is after the turn's state was saved. A turn whose save conflicts is re-run on a fresh context, and
/// the replies of the lost attempt are dropped with it: the user sees each reply once, and never one that
/// describes state that was not stored. With <c>deliveryMode: expectReplies</c> the sent activities are the
/// HTTP body instead (PROTOCOL.md §1.1). Typing indicators are the exception: they go out at once (they
/// say "still working", which stays true across a re-run) and never into an expectReplies body.
/// </summary>
public sealed class TurnContext : ITurnContext
{
    private readonly IConnectorClient _connector;
    private readonly List<Outgoing> _outgoing = [];
    private int _delivered;

    public TurnContext(Activity activity, IConnectorClient connector)
    {
        Activity = activity;
        _connector = connector;
    }

    public Activity Activity { get; }

    public bool Responded => _outgoing.Any(o => o.Kind == OutgoingKind.Send && o.Activity!.Type == ActivityTypes.Message);

    public InvokeResponse? InvokeResponse { get; set; }

    public TurnStateBag TurnState { get; } = new();

    /// <summary>True when replies go in the HTTP response body rather than to the connector.</summary>
    public bool ExpectsReplies =>
        string.Equals(Activity.DeliveryMode, DeliveryModes.ExpectReplies, StringComparison.OrdinalIgnoreCase);

    /// <summary>The activities sent in this turn (typing indicators aside), in order: an <c>expectReplies</c> body.</summary>
    public IReadOnlyList<Activity> BufferedReplies =>
        [.. _outgoing.Where(o => o.Kind == OutgoingKind.Send).Select(o => o.Activity!)];

    /// <summary>
    /// Queues <paramref name="activity"/> for <see cref="FlushAsync"/> and returns null: the connector's id
    /// for it only exists once the turn is delivered. Typing indicators are sent at once.
    /// </summary>
    public async Task<ResourceResponse?> SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversationReference(activity);
        if (activity.Type == ActivityTypes.Typing)
        {
            // Typing indicators mean nothing in a synchronous body.
            return ExpectsReplies ? null : await SendNowAsync(activity, cancellationToken).ConfigureAwait(false);
        }

        _outgoing.Add(new Outgoing(OutgoingKind.Send, activity, null));
        return null;
    }

    public Task UpdateActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ApplyConversationReference(activity);
        activity.ReplyToId = null;
        _outgoing.Add(new Outgoing(OutgoingKind.Update, activity, null));
        return Task.CompletedTask;
    }

    public Task DeleteActivityAsync(string activityId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        _outgoing.Add(new Outgoing(OutgoingKind.Delete, null, activityId));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Delivers what was queued since the last flush, in order: sends, updates and deletes go to the
    /// connector (sends go in the HTTP body instead when the turn <see cref="ExpectsReplies"/>).
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (_delivered < _outgoing.Count)
        {
            var next = _outgoing[_delivered];
            switch (next.Kind)
            {
                case OutgoingKind.Send when !ExpectsReplies:
                    await SendNowAsync(next.Activity!, cancellationToken).ConfigureAwait(false);
                    break;
                case OutgoingKind.Update:
                    await _connector.UpdateActivityAsync(next.Activity!, cancellationToken).ConfigureAwait(false);
                    break;
                case OutgoingKind.Delete:
                    await _connector.DeleteActivityAsync(
                        Activity.ServiceUrl!, Activity.Conversation!.Id!, next.ActivityId!, cancellationToken).ConfigureAwait(false);
                    break;
            }

            _delivered++;
        }
    }

    /// <summary>Drops what was queued and not yet delivered: the turn failed, its replies must not go out.</summary>
    public void DiscardPending() => _outgoing.RemoveRange(_delivered, _outgoing.Count - _delivered);

    private Task<ResourceResponse?> SendNowAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.ReplyToId is null
            ? _connector.SendToConversationAsync(activity, cancellationToken)
            : _connector.ReplyToActivityAsync(activity, cancellationToken);

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

    private enum OutgoingKind
    {
        Send,
        Update,
        Delete,
    }

    private sealed record Outgoing(OutgoingKind Kind, Activity? Activity, string? ActivityId);
}

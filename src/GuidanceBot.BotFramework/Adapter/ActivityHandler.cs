using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Adapter;

/// <summary>
/// Routes a turn by activity type to overridable methods, with the names of the Bot Framework SDK's
/// <c>ActivityHandler</c>. Unknown types are acknowledged and otherwise ignored.
/// </summary>
public abstract class ActivityHandler : IBot
{
    /// <summary>Status for an invoke this bot has no handler for (the SDK's choice, PROTOCOL.md §1.1).</summary>
    public const int NotImplementedStatus = 501;

    public virtual async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        switch (turnContext.Activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            case ActivityTypes.Invoke:
                turnContext.InvokeResponse ??=
                    await OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
            default:
                await OnUnrecognizedActivityTypeAsync(turnContext, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    protected virtual Task OnMessageActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Calls <see cref="OnMembersAddedAsync"/> when members other than the bot itself were added.</summary>
    protected virtual Task OnConversationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var added = turnContext.Activity.MembersAdded;
        return added is { Count: > 0 }
            ? OnMembersAddedAsync(added, turnContext, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>
    /// Members were added; <paramref name="membersAdded"/> may include the bot itself (its id equals
    /// the activity's recipient id), as in the SDK.
    /// </summary>
    protected virtual Task OnMembersAddedAsync(
        IList<ChannelAccount> membersAdded, ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task OnInstallationUpdateActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    protected virtual Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.FromResult(new InvokeResponse(NotImplementedStatus));

    protected virtual Task OnUnrecognizedActivityTypeAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}

using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API (PROTOCOL.md §2), addressed by each activity's <c>serviceUrl</c> and
/// <c>conversation.id</c>. Failures that survive the retries surface as <see cref="ConnectorException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary><c>POST {serviceUrl}/v3/conversations/{id}/activities</c>.</summary>
    Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>POST {serviceUrl}/v3/conversations/{id}/activities/{replyToId}</c>.</summary>
    Task<ResourceResponse?> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>PUT {serviceUrl}/v3/conversations/{id}/activities/{activity.id}</c>.</summary>
    Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary><c>DELETE {serviceUrl}/v3/conversations/{id}/activities/{activityId}</c>.</summary>
    Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);
}

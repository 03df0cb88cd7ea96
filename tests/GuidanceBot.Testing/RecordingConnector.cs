using System.Collections.Concurrent;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.Testing;

/// <summary>An <see cref="IConnectorClient"/> that keeps what the bot sent, in order.</summary>
public sealed class RecordingConnector : IConnectorClient
{
    private int _nextId;

    public ConcurrentQueue<Activity> Sent { get; } = new();

    public Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken) =>
        Record(activity);

    public Task<ResourceResponse?> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        Record(activity);

    public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        Record(activity);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    private Task<ResourceResponse?> Record(Activity activity)
    {
        Sent.Enqueue(activity);
        var id = Interlocked.Increment(ref _nextId);
        return Task.FromResult<ResourceResponse?>(new ResourceResponse { Id = $"sent-{id}" });
    }
}

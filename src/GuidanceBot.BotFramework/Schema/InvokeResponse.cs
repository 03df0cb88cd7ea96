using System.Text.Json;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>
/// The result of an invoke activity. On the wire it is not sent as such: <see cref="Status"/> becomes
/// the HTTP status and <see cref="Body"/> the JSON body (PROTOCOL.md §1.1).
/// </summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);

/// <summary>The HTTP body of a turn with <c>deliveryMode: expectReplies</c>.</summary>
public sealed class ExpectedReplies
{
    public IList<Activity> Activities { get; set; } = [];
}

/// <summary>The body the Bot Connector answers a send, reply or update with.</summary>
public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuidanceBot.BotFramework.Schema;

/// <summary>
/// The conversation an activity belongs to. <see cref="ConversationType"/> is <c>personal</c>,
/// <c>groupChat</c> or <c>channel</c> in Teams; channel-thread ids carry a <c>;messageid=</c> suffix and
/// are kept verbatim.
/// </summary>
public sealed class ConversationAccount
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? ConversationType { get; set; }

    public string? TenantId { get; set; }

    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

namespace GuidanceBot.BotFramework.Schema;

/// <summary>The activity <c>type</c> values this bot handles by name.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Typing = "typing";
    public const string Event = "event";
    public const string MessageReaction = "messageReaction";

    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        Message, ConversationUpdate, InstallationUpdate, Invoke, Typing, Event, MessageReaction,
        "messageUpdate", "messageDelete", "endOfConversation", "handoff", "trace",
    };

    /// <summary>
    /// The type as it may appear in a log: a known type name, or "other". The field is sender-controlled,
    /// and a log line must never carry text a caller chose.
    /// </summary>
    public static string ForLog(string? type) => type is not null && Known.Contains(type) ? type : "other";
}

/// <summary>The <c>deliveryMode</c> values of the activity spec.</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}

/// <summary>Values of <see cref="Activity.Action"/> on an <c>installationUpdate</c> (SPEC A5700; Teams adds the upgrade ones).</summary>
public static class InstallationActions
{
    public const string Remove = "remove";
}

/// <summary>Teams <c>conversation.conversationType</c> values.</summary>
public static class ConversationTypes
{
    public const string Personal = "personal";
    public const string GroupChat = "groupChat";
    public const string Channel = "channel";
}

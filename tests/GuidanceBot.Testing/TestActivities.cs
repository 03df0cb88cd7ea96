using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.Testing;

/// <summary>Activity JSON as Teams (or the Agents Playground) sends it, for tests that post to /api/messages.</summary>
public static class TestActivities
{
    public const string ServiceUrl = "http://localhost:59999/_connector";
    public const string BotId = "28:bot-id";
    public const string UserId = "29:user-id";

    /// <summary>The default conversation: a personal chat id of the kind Teams sends (and long enough for the log scan to look for it).</summary>
    public const string ConversationId = "a:conv-1-personal";

    public static JsonObject Message(
        string? text,
        string conversationId = ConversationId,
        string serviceUrl = ServiceUrl,
        bool expectReplies = false,
        string channelId = "msteams") =>
        Base("message", conversationId, serviceUrl, expectReplies, channelId, text);

    public static JsonObject Submit(JsonObject value, string conversationId = ConversationId, bool expectReplies = true)
    {
        var activity = Base("message", conversationId, ServiceUrl, expectReplies, "msteams", null);
        activity["value"] = value;
        activity["replyToId"] = "card-message-1";
        return activity;
    }

    public static JsonObject Invoke(string name, JsonNode? value, string conversationId = ConversationId)
    {
        var activity = Base("invoke", conversationId, ServiceUrl, false, "msteams", null);
        activity["name"] = name;
        activity["value"] = value;
        return activity;
    }

    public static JsonObject MembersAdded(string conversationId = ConversationId, bool group = false, params string[] memberIds)
    {
        var activity = Base("conversationUpdate", conversationId, ServiceUrl, true, "msteams", null);
        activity["membersAdded"] = new JsonArray([.. memberIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]);
        if (group)
        {
            activity["conversation"]!["conversationType"] = "groupChat";
            activity["conversation"]!["isGroup"] = true;
            // Group chats are often named after the case: the name is as sensitive as what is typed in them.
            activity["conversation"]!["name"] = "Zorgoverleg Jantje de Vries";
        }

        return activity;
    }

    /// <summary>The app was added to or removed from the conversation (<paramref name="action"/>: add, remove, add-upgrade, …).</summary>
    public static JsonObject InstallationUpdate(string action, string conversationId = ConversationId)
    {
        var activity = Base("installationUpdate", conversationId, ServiceUrl, false, "msteams", null);
        activity["action"] = action;
        return activity;
    }

    /// <summary>Makes the activity a group-chat message that @mentions the bot (or not).</summary>
    public static JsonObject InGroupChat(this JsonObject activity, bool mentionBot)
    {
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["conversation"]!["isGroup"] = true;
        // Group chats are often named after the case: the name is as sensitive as what is typed in them.
        activity["conversation"]!["name"] = "Zorgoverleg Jantje de Vries";
        return mentionBot ? activity.MentioningBot() : activity;
    }

    /// <summary>Puts an @mention of the bot before the text, with its entity, as Teams sends it.</summary>
    public static JsonObject MentioningBot(this JsonObject activity)
    {
        activity["text"] = "<at>GuidanceBot</at> " + (string?)activity["text"];
        activity["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>GuidanceBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidanceBot" },
        });
        return activity;
    }

    public static string ToJson(this JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = false });

    private static JsonObject Base(
        string type, string conversationId, string serviceUrl, bool expectReplies, string channelId, string? text)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "activity-" + Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-11-28T12:00:00Z",
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = channelId,
            ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Test Gebruiker", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000aa" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GuidanceBot" },
            ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["locale"] = "nl-NL",
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GuidanceBot.LoadTest;

/// <summary>The conversations the load generator drives, all with <c>deliveryMode: expectReplies</c>.</summary>
internal static class Scenarios
{
    /// <summary>A ~1 KB message activity, the same for the bare endpoint and the bot.</summary>
    public static Turn Bare => async (client, conversation, _, cancellationToken) =>
    {
        using var response = await PostAsync(client, Message(conversation, "hallo " + new string('x', 300)), cancellationToken);
        return response.IsSuccessStatusCode;
    };

    /// <summary>Free-text questions from the dev question set, in turn.</summary>
    public static Turn Questions(IReadOnlyList<string> questions) => async (client, conversation, iteration, cancellationToken) =>
    {
        using var response = await PostAsync(client, Message(conversation, questions[iteration % questions.Count]), cancellationToken);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("AdaptiveCard", StringComparison.Ordinal);
    };

    /// <summary>
    /// The "help" command: a message turn with the whole pipeline (auth, limits, parsing, state read, a card,
    /// the reply) but no search and no state write — the floor under the other two scenarios.
    /// </summary>
    public static Turn Help => async (client, conversation, _, cancellationToken) =>
    {
        using var response = await PostAsync(client, Message(conversation, "help"), cancellationToken);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync(cancellationToken)).Contains("AdaptiveCard", StringComparison.Ordinal);
    };

    /// <summary>The bot's scenarios: the option that selects each, its name in the report, and its turn.</summary>
    public static (string Option, string Name, Turn Turn)[] ForBot(IReadOnlyList<string> questions) =>
    [
        ("help", "help command (no search, no state write)", Help),
        ("questions", "question answering", Questions(questions)),
        ("flow", "guided flow step", FlowScripts.Turn),
    ];

    /// <summary>Where replies would go; never called, as every request asks for its replies in the response.</summary>
    public const string ServiceUrl = "http://localhost:9/_connector";

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, JsonObject activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, cancellationToken);
    }

    public static JsonObject Message(string conversation, string? text, JsonNode? value = null)
    {
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-11-28T12:00:00Z",
            ["serviceUrl"] = ServiceUrl,
            ["channelId"] = "msteams",
            // Every conversation is another professional: user state (keyed by the Entra object id) is not shared.
            ["from"] = new JsonObject { ["id"] = "29:" + conversation, ["name"] = "Load Test", ["aadObjectId"] = UserObjectId(conversation) },
            ["recipient"] = new JsonObject { ["id"] = "28:bot", ["name"] = "GuidanceBot" },
            ["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = "tenant-load" },
            ["locale"] = "nl-NL",
            ["deliveryMode"] = "expectReplies",
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["textFormat"] = "plain";
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    private static string UserObjectId(string conversation) =>
        new Guid(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(conversation)).AsSpan(0, 16)).ToString();

    /// <summary>The questions of a question file in the format of questions-dev.jsonl.</summary>
    public static IReadOnlyList<string> ReadQuestions(string path) =>
        [.. File.ReadLines(path)
            .Where(line => line.Trim().Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("question").GetString()!)];
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.Testing;
using Xunit.Abstractions;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// Pins the playground's internal API: it is what its own web UI calls, not a public contract, so a new
/// version may move it. When this test fails, re-check shared/design/PLAYGROUND.md against the new version
/// before touching any other end-to-end test.
/// </summary>
[Collection(EndToEndCollectionDefinition.Name)]
public sealed class PlaygroundRoutesTests(ITestOutputHelper output)
{
    [SkippableFact]
    public Task Routes_PinnedVersion_AnswerWhereTheHarnessExpects() => EndToEndSession.RunAsync(output, async e2e =>
    {
        var playground = e2e.Playground;
        var conversation = Uri.EscapeDataString(playground.ConversationId);
        var changes = new List<string>();
        async Task<JsonNode?> CheckAsync(HttpMethod method, string path, JsonNode? body, Func<HttpStatusCode, JsonNode?, string, bool> expected, string expectation)
        {
            using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
            using var response = await playground.Http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            var json = text.StartsWith('{') ? JsonNode.Parse(text) : null;
            if (!expected(response.StatusCode, json, text))
            {
                changes.Add($"{method} {path}: expected {expectation}, got {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
            }

            return json;
        }

        var version = (string?)JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(ToolRequirement.NodeModules(), "@microsoft", "m365agentsplayground", "package.json")))!["version"];
        await CheckAsync(HttpMethod.Post, "/_debug/no-such-route", new JsonObject(), (s, _, _) => s == HttpStatusCode.NotFound, "404 (control: unknown routes are detected)");
        await CheckAsync(HttpMethod.Get, "/", null, (s, _, t) => s == HttpStatusCode.OK && t.Contains("<title>Microsoft 365 Agents Playground</title>", StringComparison.Ordinal), "the web UI");
        await CheckAsync(HttpMethod.Get, "/_debug/ping", null, (s, _, t) => s == HttpStatusCode.OK && t.Trim() == "pong", "pong");
        await CheckAsync(HttpMethod.Get, "/_internal/v1/config", null, (s, j, _) => s == HttpStatusCode.OK && j is JsonObject, "the UI's config");
        await CheckAsync(
            HttpMethod.Get,
            "/_internal/v1/testConfig",
            null,
            (s, j, _) => s == HttpStatusCode.OK
                && (string?)j?["config"]?["personalChat"]?["id"] == playground.ConversationId
                && (string?)j?["config"]?["currentUser"]?["id"] == Playground.UserId
                && (string?)j?["config"]?["bot"]?["id"] == playground.BotId,
            "config.personalChat.id, currentUser.id and bot.id");
        await CheckAsync(HttpMethod.Post, $"/_debug/conversation/{conversation}/installation", new JsonObject(), (s, _, _) => s == HttpStatusCode.OK, "200");
        var welcome = await playground.Conversation.WaitForAsync(m => m.CardId == WelcomeCard.Id, "the welcome card after the installation");
        await CheckAsync(
            HttpMethod.Post,
            $"/_conversation/v1/conversations/{conversation}/messages",
            new JsonObject { ["from"] = new JsonObject { ["id"] = Playground.UserId }, ["text"] = "routes", ["textFormat"] = "plain" },
            (s, j, _) => s == HttpStatusCode.OK && (string?)j?["messageId"] is not null,
            "200 with a messageId");
        await CheckAsync(
            HttpMethod.Post,
            "/_conversation/v1/submit",
            new JsonObject
            {
                ["conversation"] = new JsonObject { ["id"] = playground.ConversationId },
                ["from"] = new JsonObject { ["id"] = Playground.UserId },
                ["replyToId"] = welcome.MessageId,
                ["value"] = new JsonObject { ["route"] = "submit" },
            },
            (s, _, _) => s == HttpStatusCode.OK,
            "200");
        // The playground passes the bot's invoke response on (today 501: the bot handles no Action.Execute).
        await CheckAsync(
            HttpMethod.Post,
            "/_conversation/v1/invoke",
            new JsonObject
            {
                ["name"] = "adaptiveCard/action",
                ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "routes" } },
                ["conversation"] = new JsonObject { ["id"] = playground.ConversationId },
                ["from"] = new JsonObject { ["id"] = Playground.UserId },
                ["replyToId"] = welcome.MessageId,
            },
            (s, _, _) => s is not HttpStatusCode.NotFound and not HttpStatusCode.BadRequest,
            "the bot's invoke response");
        var template = await CheckAsync(
            HttpMethod.Get,
            $"/_internal/v1/customActivities/template?conversationId={conversation}",
            null,
            (s, j, _) => s == HttpStatusCode.OK && (string?)j?["conversation"]?["id"] == playground.ConversationId,
            "an activity template for the conversation");
        if (template is JsonObject custom)
        {
            custom["type"] = ActivityTypes.Typing;
            await CheckAsync(HttpMethod.Post, "/_internal/v1/customActivities", custom, (s, _, _) => s == HttpStatusCode.OK, "200");
        }

        var message = await playground.Log.WaitForAsync(l => l.SentToBot && l.Text == "routes", "the message on the log feed");
        var submit = await playground.Log.WaitForAsync(l => l.SentToBot && l.Activity["value"]?["route"] is not null, "the submit on the log feed");
        var invoke = await playground.Log.WaitForAsync(l => l.SentToBot && l.Type == ActivityTypes.Invoke, "the invoke on the log feed");
        var typing = await playground.Log.WaitForAsync(l => l.SentToBot && l.Type == ActivityTypes.Typing, "the custom activity on the log feed");

        Assert.True(version == Playground.Version, $"node_modules has playground {version}; the harness is pinned to {Playground.Version}.");
        Assert.True(changes.Count == 0, $"The Agents Playground's internal API changed:\n  {string.Join("\n  ", changes)}");
        Assert.Equal($"http://localhost:{playground.BaseAddress.Port}/_connector", (string?)message.Activity["serviceUrl"]);
        Assert.Equal(ActivityTypes.Message, submit.Type);
        Assert.Equal("adaptiveCard/action", (string?)invoke.Activity["name"]);
        Assert.Equal(200, typing.StatusCode);
    });
}

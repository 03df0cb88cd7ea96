using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema.Teams;
using GuidanceBot.Guidance;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>Size, attachment and rate limits each get a clear answer: a status code, or one short Dutch reply.</summary>
public sealed class LimitsTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Message_TextOverLimit_RepliesTooLongWithoutRunningATurn()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message(new string('a', 4001), expectReplies: true));

        var reply = Assert.Single(await response.ReadRepliesAsync());
        Assert.Equal(GuidanceTexts.MessageTooLong, (string?)reply["text"]);
    }

    [Fact]
    public async Task Message_TextAtLimit_IsAnswered()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message(new string('a', 4000), expectReplies: true));

        var replies = await response.ReadRepliesAsync();
        Assert.DoesNotContain(replies, r => (string?)r["text"] == GuidanceTexts.MessageTooLong);
    }

    [Fact]
    public async Task Message_TooManyAttachments_Returns400WithReason()
    {
        var activity = TestActivities.Message("hallo", expectReplies: true);
        activity["attachments"] = new JsonArray([.. Enumerable.Range(0, 11).Select(_ => (JsonNode)new JsonObject { ["contentType"] = "text/html" })]);
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("attachments", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_OverConversationLimit_SaysSlowDownOnceThenDrops()
    {
        _factory.Settings["BotFramework:RateLimits:ConversationPermits"] = "2";
        _factory.Settings["BotFramework:RateLimits:ConversationWindow"] = "01:00:00";
        var client = _factory.CreateClient();

        var allowed = new[]
        {
            await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true)),
            await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true)),
        };
        var limited = await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true));
        var dropped = await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true));
        var other = await client.PostActivityAsync(TestActivities.Message("hallo", conversationId: "conv-2", expectReplies: true));

        foreach (var response in allowed)
        {
            Assert.DoesNotContain(await response.ReadRepliesAsync(), r => (string?)r["text"] == GuidanceTexts.TooManyMessages);
        }

        var notice = Assert.Single(await limited.ReadRepliesAsync());
        Assert.Equal(GuidanceTexts.TooManyMessages, (string?)notice["text"]);
        Assert.Empty(await dropped.ReadRepliesAsync());
        Assert.NotEmpty(await other.ReadRepliesAsync());
        Assert.DoesNotContain(_factory.Logs.Lines, line => line.Contains(TestActivities.ConversationId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_OverConversationLimitWithoutExpectReplies_SendsTheNoticeThroughTheConnectorOnce()
    {
        _factory.Settings["BotFramework:RateLimits:ConversationPermits"] = "1";
        _factory.Settings["BotFramework:RateLimits:ConversationWindow"] = "01:00:00";
        var client = _factory.CreateClient();
        await client.PostActivityAsync(TestActivities.Message("hallo"));
        var sentBefore = _factory.Connector.Requests.Count;

        var limited = await client.PostActivityAsync(TestActivities.Message("hallo"));
        var dropped = await client.PostActivityAsync(TestActivities.Message("hallo"));

        Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.Equal(sentBefore + 1, _factory.Connector.Requests.Count);
    }

    [Fact]
    public async Task Search_OnePersonOverTheLimit_LeavesColleaguesAndTheBotsRepliesInTheChannelTheirBudget()
    {
        _factory.Settings["BotFramework:RateLimits:ConversationPermits"] = "2";
        _factory.Settings["BotFramework:RateLimits:ConversationWindow"] = "01:00:00";
        var client = _factory.CreateClient();
        static JsonObject SearchBy(string userId)
        {
            var query = TestActivities.Invoke(MessagingExtensionQuery.InvokeName, new JsonObject
            {
                ["commandId"] = "zoeken",
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "zoekterm", ["value"] = "CoMensha" }),
            }, "19:channel@thread.tacv2");
            query["from"] = new JsonObject { ["id"] = userId, ["name"] = "Collega" };
            return query;
        }

        async Task<string?> SearchTextAsync(string userId)
        {
            var response = await client.PostActivityAsync(SearchBy(userId));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = HttpClientExtensions.ParseObject(await response.Content.ReadAsStringAsync());
            return (string?)body["composeExtension"]?["text"];
        }

        // One person types a search: Teams sends it again at every pause.
        for (var i = 0; i < 3; i++)
        {
            await SearchTextAsync("29:user-a");
        }

        Assert.Equal(GuidanceTexts.TooManySearches, await SearchTextAsync("29:user-a"));
        Assert.Null(await SearchTextAsync("29:user-b"));
        var message = await client.PostActivityAsync(TestActivities.Message("hallo", "19:channel@thread.tacv2", expectReplies: true));
        var replies = await message.ReadRepliesAsync();
        Assert.NotEmpty(replies);
        Assert.DoesNotContain(replies, r => (string?)r["text"] == GuidanceTexts.TooManyMessages);
    }

    [Fact]
    public async Task Search_OverConversationLimit_ShowsADutchTextInTheSearchBox()
    {
        _factory.Settings["BotFramework:RateLimits:ConversationPermits"] = "1";
        _factory.Settings["BotFramework:RateLimits:ConversationWindow"] = "01:00:00";
        var client = _factory.CreateClient();
        var query = TestActivities.Invoke(MessagingExtensionQuery.InvokeName, new JsonObject
        {
            ["commandId"] = "zoeken",
            ["parameters"] = new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" }),
        });

        var first = await client.PostActivityAsync(query);
        var second = await client.PostActivityAsync(query);
        var third = await client.PostActivityAsync(query);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        foreach (var limited in new[] { second, third })
        {
            Assert.Equal(HttpStatusCode.OK, limited.StatusCode);
            var body = HttpClientExtensions.ParseObject(await limited.Content.ReadAsStringAsync());
            Assert.Equal("message", (string?)body["composeExtension"]?["type"]);
            Assert.Equal(GuidanceTexts.TooManySearches, (string?)body["composeExtension"]?["text"]);
        }

        // The search box is not the chat: nothing was posted into the conversation.
        Assert.Empty(_factory.Connector.Requests);
    }

    [Fact]
    public async Task OtherInvoke_OverConversationLimit_Returns429WithRetryAfterWithinTheWindow()
    {
        _factory.Settings["BotFramework:RateLimits:ConversationPermits"] = "1";
        _factory.Settings["BotFramework:RateLimits:ConversationWindow"] = "01:00:00";
        var client = _factory.CreateClient();
        var action = TestActivities.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute" } });

        var first = await client.PostActivityAsync(action);
        var second = await client.PostActivityAsync(action);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.InRange(second.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Post_OverGlobalLimit_Returns429WithRetryAfter()
    {
        _factory.Settings["BotFramework:RateLimits:GlobalPermits"] = "2";
        _factory.Settings["BotFramework:RateLimits:GlobalWindow"] = "01:00:00";
        var client = _factory.CreateClient();

        var first = await client.PostActivityAsync(TestActivities.Message("hallo", conversationId: "a", expectReplies: true));
        var second = await client.PostActivityAsync(TestActivities.Message("hallo", conversationId: "b", expectReplies: true));
        var third = await client.PostActivityAsync(TestActivities.Message("hallo", conversationId: "c", expectReplies: true));
        var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter?.Delta);
        Assert.StartsWith("Too many requests to this bot; try again after ", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}

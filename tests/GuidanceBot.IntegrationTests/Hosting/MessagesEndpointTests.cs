using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.Guidance;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.IntegrationTests.Hosting;

public sealed class MessagesEndpointTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Healthz_Always_ReturnsOk()
    {
        var client = _factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Message_ExpectReplies_ReturnsWelcomeCardInBody()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true));
        var replies = await response.ReadRepliesAsync();

        var reply = Assert.Single(replies);
        Assert.Equal(WelcomeCard.Id, reply.CardId());
        Assert.Equal(TestActivities.BotId, (string?)reply["from"]!["id"]);
        Assert.Equal(TestActivities.UserId, (string?)reply["recipient"]!["id"]);
        Assert.Equal(TestActivities.ConversationId, (string?)reply["conversation"]!["id"]);
        Assert.Equal("1.5", (string?)reply.Card()!["version"]);
        Assert.Empty(_factory.Connector.Requests);
    }

    [Fact]
    public async Task Message_NormalDelivery_RepliesThroughConnectorToTheActivity()
    {
        var client = _factory.CreateClient();
        var activity = TestActivities.Message("hallo", conversationId: "a:1;messageid=7");

        var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        var request = Assert.Single(_factory.Connector.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(
            $"http://localhost:59999/_connector/v3/conversations/a%3A1%3Bmessageid%3D7/activities/{activity["id"]}",
            request.Uri.AbsoluteUri);
        Assert.Null(request.Authorization);
        Assert.Equal(WelcomeCard.Id, (string?)JsonNode.Parse(request.Body)!["attachments"]![0]!["content"]!["body"]![0]!["id"]);
    }

    [Fact]
    public async Task MembersAdded_UserInPersonalChat_SendsWelcome()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(
            TestActivities.MembersAdded(memberIds: [TestActivities.UserId, TestActivities.BotId]));
        var replies = await response.ReadRepliesAsync();

        Assert.Equal(WelcomeCard.Id, Assert.Single(replies).CardId());
    }

    [Fact]
    public async Task MembersAdded_OnlyTheBotInPersonalChat_SendsNothing()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.MembersAdded(memberIds: [TestActivities.BotId]));

        Assert.Empty(await response.ReadRepliesAsync());
    }

    [Fact]
    public async Task MembersAdded_ColleagueJoinsGroupChat_SendsNothing()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(
            TestActivities.MembersAdded(group: true, memberIds: ["29:colleague"]));

        Assert.Empty(await response.ReadRepliesAsync());
    }

    [Fact]
    public async Task MembersAdded_BotJoinsGroupChat_SendsWelcomeOnce()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(
            TestActivities.MembersAdded(group: true, memberIds: [TestActivities.BotId]));

        Assert.Equal(WelcomeCard.Id, Assert.Single(await response.ReadRepliesAsync()).CardId());
    }

    [Fact]
    public async Task Message_GroupChatWithoutMention_IsIgnored()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(
            TestActivities.Message("hallo", expectReplies: true).InGroupChat(mentionBot: false));

        Assert.Empty(await response.ReadRepliesAsync());
    }

    [Fact]
    public async Task Message_GroupChatWithMention_IsAnswered()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(
            TestActivities.Message("help", expectReplies: true).InGroupChat(mentionBot: true));

        Assert.Single(await response.ReadRepliesAsync());
    }

    [Fact]
    public async Task Message_PersonalChatWithMention_WorksOnTheTextWithoutIt()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo", expectReplies: true).MentioningBot());

        Assert.Equal(WelcomeCard.Id, Assert.Single(await response.ReadRepliesAsync()).CardId());
    }

    [Fact]
    public async Task Invoke_UnknownName_Returns501()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Invoke("task/fetch", new JsonObject()));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task UnknownActivityType_IsAcknowledgedWith200()
    {
        var client = _factory.CreateClient();
        var activity = TestActivities.Message(null);
        activity["type"] = "messageReaction";

        var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_factory.Connector.Requests);
    }

    [Theory]
    [InlineData("not json", "not a valid activity")]
    [InlineData("[1,2,3]", "not a valid activity")]
    [InlineData("""{"text":"hallo"}""", "no type")]
    [InlineData("""{"type":"message","serviceUrl":"http://localhost:1/"}""", "no conversation.id")]
    [InlineData("""{"type":"message","conversation":{"id":"c"}}""", "no serviceUrl")]
    [InlineData("""{"type":"message","conversation":{"id":"c"},"serviceUrl":"file:///etc/passwd"}""", "not an http(s) URL")]
    public async Task Post_MalformedActivity_Returns400WithReason(string body, string reason)
    {
        var client = _factory.CreateClient();

        var response = await client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_BodyThatIsNotDeclaredJson_Returns415(string contentType)
    {
        var client = _factory.CreateClient();
        using var content = new StringContent(TestActivities.Message("help", expectReplies: true).ToJsonString(), Encoding.UTF8, contentType);

        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task OtherMethodThanPost_Returns405WithAllowAndAReason(string method)
    {
        var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        Assert.Contains("POST", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_JsonWithCharset_IsAccepted()
    {
        var client = _factory.CreateClient();
        using var content = new StringContent(TestActivities.Message("help", expectReplies: true).ToJsonString());
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_DeeplyNestedJson_Returns400()
    {
        var client = _factory.CreateClient();
        var body = """{"type":"message","value":""" + new string('[', 500) + new string(']', 500) + "}";

        var response = await client.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Returns413()
    {
        var client = _factory.CreateClient();
        var activity = TestActivities.Message(new string('a', 300 * 1024));

        var response = await client.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.Connector.Requests);
    }

    [Fact]
    public async Task Post_BodyOverLimitWithoutContentLength_Returns413()
    {
        var client = _factory.CreateClient();
        var body = Encoding.UTF8.GetBytes(TestActivities.Message(new string('a', 300 * 1024)).ToJson());

        var response = await client.SendAsync(ChunkedPost(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_factory.Connector.Requests);
    }

    /// <summary>A POST whose body length is not known up front (sent chunked), in small pieces.</summary>
    private static HttpRequestMessage ChunkedPost(byte[] body)
    {
        var content = new StreamContent(new TrickleStream(body), bufferSize: 512);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("http://10.0.0.5/_connector")]
    [InlineData("http://localhost.evil.example/")]
    public async Task AnonymousMode_ServiceUrlNotOnLoopback_Returns403(string serviceUrl)
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo", serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(_factory.Connector.Requests);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/_connector")]
    [InlineData("http://[::1]:5000/_connector")]
    [InlineData("http://localhost:5000/_connector")]
    public async Task AnonymousMode_LoopbackServiceUrl_IsServed(string serviceUrl)
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo", serviceUrl: serviceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(serviceUrl, Assert.Single(_factory.Connector.Requests).Uri.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnonymousMode_ConfiguredExtraHost_IsServed()
    {
        _factory.Settings["BotFramework:AnonymousAllowedServiceHosts:0"] = "devtunnel.example";
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo", serviceUrl: "https://devtunnel.example/api/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AnonymousMode_RequestWithToken_Returns401()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message("hallo"), bearerToken: "a.b.c");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Turn_BotThrows_UserGetsDutchApologyAndHostKeepsServing()
    {
        _factory.ConfigureServices = services => services.AddSingleton<IBot, ThrowingBot>();
        var client = _factory.CreateClient();

        var failed = await client.PostActivityAsync(TestActivities.Message("boem", expectReplies: true));
        var health = await client.GetAsync("/healthz");

        var apology = Assert.Single(await failed.ReadRepliesAsync());
        Assert.Equal(GuidanceTexts.TurnFailed, (string?)apology["text"]);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Invoke_BotThrows_Returns500WithoutDetail()
    {
        _factory.ConfigureServices = services => services.AddSingleton<IBot, ThrowingBot>();
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Invoke("composeExtension/query", new JsonObject()));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.DoesNotContain(ThrowingBot.Secret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class ThrowingBot : IBot
    {
        public const string Secret = "stack-trace-detail";

        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}

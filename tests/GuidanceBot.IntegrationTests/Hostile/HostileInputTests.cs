using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;

namespace GuidanceBot.IntegrationTests.Hostile;

/// <summary>
/// Garbage on purpose: mutated activities, wrong types, deep nesting, huge and broken strings, and text
/// meant to inject links or HTML into cards. The bot may refuse (4xx) but never answers 500, never
/// stops serving, and never shows injected text outside a literal text run.
/// </summary>
public sealed class HostileInputTests : IClassFixture<BotApplicationFactory>, IDisposable
{
    private static readonly HttpStatusCode[] Acceptable =
    [
        HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden,
        HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.NotImplemented,
    ];

    private readonly BotApplicationFactory _factory;

    public HostileInputTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    public void Dispose() => _factory.AssertNoSensitiveTextLogged();

    public static TheoryData<string> HostileBodies => new()
    {
        "",
        "{",
        "\u0000\u0001\u0002",
        "{\"type\":\"message\",\"text\":\"\\ud800\\udc00\\ud800 ongepaard\",\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":[\"message\"]}",
        "{\"type\":\"message\",\"text\":{\"a\":1},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        "{\"type\":\"message\",\"from\":\"x\",\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        "{\"type\":\"message\",\"conversation\":{\"id\":5},\"serviceUrl\":\"http://localhost:1/\"}",
        "{\"type\":\"message\",\"entities\":[{\"type\":\"mention\",\"text\":\"(a+)+$\",\"mentioned\":{\"id\":\"28:bot-id\",\"name\":\"(a+)+$\"}}],\"text\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\",\"recipient\":{\"id\":\"28:bot-id\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\",\"isGroup\":true},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"message\",\"value\":" + new string('[', 100) + new string(']', 100) + ",\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        "{\"type\":\"message\",\"attachments\":[" + string.Join(",", Enumerable.Repeat("{\"contentType\":\"x\"}", 2000)) + "],\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"invoke\",\"name\":\"composeExtension/query\",\"value\":{\"commandId\":\"zoeken\",\"parameters\":[{\"name\":\"zoekterm\",\"value\":{\"x\":[1,2]}}]},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        "{\"type\":\"invoke\",\"name\":\"composeExtension/query\",\"value\":{\"commandId\":\"zoeken\",\"parameters\":[{\"name\":\"zoekterm\",\"value\":\"" + new string('*', 5000) + "\"}]},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        "{\"type\":\"invoke\",\"name\":\"composeExtension/query\",\"value\":{\"commandId\":\"zoeken\",\"parameters\":[{\"name\":\"zoekterm\",\"value\":\"\\\"unbalanced AND (OR ~ ^2 [a TO\"}]},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        "{\"type\":\"message\",\"text\":\"" + new string('a', 200_000) + "\",\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"message\",\"value\":{\"command\":{\"nested\":true},\"verb\":5,\"passageId\":[],\"useful\":\"ja\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        // Lone surrogates where strings are only read in the middle of a turn or while the reply is written.
        "{\"type\":\"message\",\"value\":{\"x\":\"\\ud800\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"message\",\"value\":{\"command\":\"stop\\udfff\",\"promptNonce\":\"\\ud83d\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"message\",\"value\":{\"\\ud800\":\"x\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"message\",\"text\":\"help\",\"from\":{\"id\":\"u1\",\"bar\":\"\\udc00\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\",\"foo\":\"\\ud800\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"message\",\"text\":\"help\",\"from\":{\"id\":\"u1\",\"bar\":\"\\udc00\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        "{\"type\":\"invoke\",\"name\":\"composeExtension/query\",\"value\":{\"commandId\":\"zoeken\",\"parameters\":[{\"name\":\"zoekterm\",\"value\":\"a\\ud83d\"}]},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        // Null items in lists, which no channel sends.
        "{\"type\":\"conversationUpdate\",\"membersAdded\":[null],\"recipient\":{\"id\":\"28:bot-id\"},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"message\",\"text\":\"help\",\"entities\":[null],\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"g\",\"conversationType\":\"groupChat\",\"isGroup\":true},\"deliveryMode\":\"expectReplies\"}",
        "{\"type\":\"invoke\",\"name\":\"composeExtension/query\",\"value\":{\"commandId\":\"zoeken\",\"parameters\":[null]},\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}",
        // Content after the activity.
        "{\"type\":\"message\",\"text\":\"help\",\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"},\"deliveryMode\":\"expectReplies\"}xx",
        "{\"type\":\"message\",\"text\":\"help\",\"serviceUrl\":\"http://localhost:1/\",\"conversation\":{\"id\":\"c\"}}{\"type\":\"message\"}",
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Post_HostileBody_NeverAnswers500(string body)
    {
        var client = _factory.CreateClient();
        var logged = _factory.Logs.Lines.Count;

        var response = await client.PostRawAsync(body);

        Assert.Contains(response.StatusCode, Acceptable);
        AssertNoErrorLoggedSince(logged);
        await AssertStillServesAsync(client);
    }

    [Fact]
    public async Task Post_InvalidUtf8Bytes_Returns400()
    {
        var client = _factory.CreateClient();
        using var content = new ByteArrayContent([(byte)'{', 0xC3, 0x28, 0xFF, (byte)'}']);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_RandomMutationsOfValidActivities_NeverAnswer500()
    {
        var client = _factory.CreateClient();
        var random = new Random(20261128);
        var failures = new List<string>();
        var logged = _factory.Logs.Lines.Count;

        for (var i = 0; i < 300; i++)
        {
            var activity = Seeds[i % Seeds.Length]();
            for (var m = 0; m < 1 + random.Next(4); m++)
            {
                Mutate(activity, random);
            }

            var body = activity.ToJsonString();
            var response = await client.PostRawAsync(body);
            if (!Acceptable.Contains(response.StatusCode))
            {
                failures.Add($"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
        AssertNoErrorLoggedSince(logged);
        await AssertStillServesAsync(client);
    }

    [Theory]
    [InlineData("[klik hier](https://evil.example/phish) om te melden")]
    [InlineData("<a href=\"https://evil.example\">melden</a> bij <b>CoMensha</b>")]
    [InlineData("![img](https://evil.example/x.png) **signalen** loverboy")]
    public async Task Question_WithInjectedMarkup_IsOnlyShownAsLiteralText(string question)
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Message(question, expectReplies: true));

        var card = Assert.Single(await response.ReadRepliesAsync()).Card()!;
        var textBlocks = Descendants(card).Where(o => (string?)o["type"] == "TextBlock").Select(o => (string?)o["text"] ?? string.Empty);
        Assert.DoesNotContain(textBlocks, t => t.Contains("evil.example", StringComparison.Ordinal));
        var urls = Descendants(card).Where(o => (string?)o["type"] == "Action.OpenUrl").Select(o => (string?)o["url"] ?? string.Empty);
        Assert.DoesNotContain(urls, u => u.Contains("evil.example", StringComparison.Ordinal));
    }

    private static readonly Func<JsonObject>[] Seeds =
    [
        () => TestActivities.Message("Hoe meld ik bij CoMensha?", expectReplies: true),
        () => TestActivities.Message("help", expectReplies: true).InGroupChat(mentionBot: true),
        () => TestActivities.Submit(new JsonObject { ["command"] = "melden" }),
        () => TestActivities.Submit(new JsonObject { ["verb"] = "answer.feedback", ["passageId"] = "melden#x", ["useful"] = true }),
        () => TestActivities.Invoke("composeExtension/query", JsonNode.Parse("""{"commandId":"zoeken","parameters":[{"name":"zoekterm","value":"signalen"}]}""")),
        () => TestActivities.MembersAdded(memberIds: [TestActivities.UserId, TestActivities.BotId]),
    ];

    private static readonly Func<Random, JsonNode?>[] Palette =
    [
        _ => null,
        r => r.Next(),
        r => r.NextDouble() * 1e300,
        _ => true,
        _ => "",
        _ => new string('x', 10_000),
        _ => "\u0000\u001f\u202e\ud83d",
        _ => "<at>GuidanceBot</at><script>alert(1)</script>",
        _ => "[x](javascript:alert(1))",
        _ => new JsonArray(1, "a", null),
        _ => new JsonObject { ["type"] = "mention", ["mentioned"] = new JsonObject { ["id"] = 5 } },
        _ => JsonNode.Parse(new string('[', 60) + new string(']', 60)),
        _ => "http://169.254.169.254/latest/meta-data/",
        _ => "invoke",
        _ => "message",
    ];

    private static void Mutate(JsonObject root, Random random)
    {
        var objects = Descendants(root).ToList();
        var target = objects[random.Next(objects.Count)];
        var keys = target.Select(p => p.Key).ToList();
        var key = keys.Count > 0 && random.Next(3) > 0
            ? keys[random.Next(keys.Count)]
            : new[] { "type", "text", "value", "serviceUrl", "conversation", "entities", "attachments", "deliveryMode", "name", "from", "recipient", "membersAdded" }[random.Next(12)];
        target[key] = Palette[random.Next(Palette.Length)](random);
    }

    private static IEnumerable<JsonObject> Descendants(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Descendants(p.Value))],
        JsonArray a => a.SelectMany(Descendants),
        _ => [],
    };

    /// <summary>
    /// A refused request answers 4xx, and a message turn that failed still answers 200 (with an apology), so the
    /// status alone does not show a crash: no turn may have failed and nothing may have thrown into the host.
    /// </summary>
    private void AssertNoErrorLoggedSince(int lineCount)
    {
        var errors = _factory.Logs.Lines.Skip(lineCount)
            .Where(line => line.StartsWith("Error ", StringComparison.Ordinal) || line.StartsWith("Critical ", StringComparison.Ordinal))
            .ToList();
        Assert.True(errors.Count == 0, "Hostile input failed a turn or the host:\n" + string.Join("\n", errors.Take(3)));
    }

    private static async Task AssertStillServesAsync(HttpClient client)
    {
        // A fresh conversation: mutated turns may have left a flow running in the seeds' conversation.
        var response = await client.PostActivityAsync(TestActivities.Message("help", "conv-after-" + Guid.NewGuid().ToString("N"), expectReplies: true));
        Assert.Equal("welcome", Assert.Single(await response.ReadRepliesAsync()).CardId());
    }
}

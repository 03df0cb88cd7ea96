using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance.Sharing;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Knowledge;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.IntegrationTests.Answers;

/// <summary><c>composeExtension/query</c> through /api/messages (PROTOCOL.md §4.7).</summary>
public sealed class MessageExtensionTests : IClassFixture<BotApplicationFactory>, IDisposable
{
    private readonly BotApplicationFactory _factory;

    public MessageExtensionTests(BotApplicationFactory factory)
    {
        _factory = factory;
    }

    public void Dispose() => _factory.AssertNoSensitiveTextLogged();

    [Fact]
    public async Task Query_WithTerm_ReturnsShareableAnswerCardsWithPreviews()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(Query("melden bij CoMensha"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var extension = (await ReadBodyAsync(response))["composeExtension"]!;
        Assert.Equal("result", (string?)extension["type"]);
        Assert.Equal("list", (string?)extension["attachmentLayout"]);
        var attachments = extension["attachments"]!.AsArray();
        Assert.InRange(attachments.Count, 1, 3);
        Assert.All(attachments, a =>
        {
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)a!["contentType"]);
            Assert.Equal("application/vnd.microsoft.card.thumbnail", (string?)a["preview"]!["contentType"]);
            Assert.False(string.IsNullOrWhiteSpace((string?)a["preview"]!["content"]!["title"]));
            Assert.DoesNotContain("Action.Submit", a["content"]!.ToJsonString(), StringComparison.Ordinal);
            Assert.Contains("Action.OpenUrl", a["content"]!.ToJsonString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Query_WithTypedText_SharedCardsDoNotCarryIt()
    {
        // What the sender types goes to Teams' search box only; the cards they insert are the handreiking's text.
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(Query("Hoe meld ik bij CoMensha?\n\nOFFICIEEL ADVIES: bel 06-12345678 en niet Veilig Thuis"));

        var extension = (await ReadBodyAsync(response))["composeExtension"]!;
        Assert.Equal("result", (string?)extension["type"]);
        var attachments = extension["attachments"]!.AsArray();
        Assert.NotEmpty(attachments);
        Assert.All(attachments, a =>
        {
            var card = a!["content"]!.ToJsonString();
            Assert.DoesNotContain("OFFICIEEL", card, StringComparison.Ordinal);
            Assert.DoesNotContain("06-12345678", card, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Query_Empty_ListsTopicsOnePerHandreiking(string? term)
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(Query(term));

        var attachments = (await ReadBodyAsync(response))["composeExtension"]!["attachments"]!.AsArray();
        var titles = attachments.Select(a => (string?)a!["content"]!["body"]![1]!["inlines"]![1]!["text"]).ToList();
        Assert.True(attachments.Count >= 5, $"expected the main topics, got {attachments.Count}");
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task Query_Empty_ListsEveryHandreiking()
    {
        var client = _factory.CreateClient();
        var handreikingen = _factory.Services.GetRequiredService<IPassageSearch>().AllPassages
            .Select(p => (string?)p.DocumentTitle).Distinct().ToList();

        var response = await client.PostActivityAsync(Query(null));

        var attachments = (await ReadBodyAsync(response))["composeExtension"]!["attachments"]!.AsArray();
        var titles = attachments.Select(a => (string?)a!["content"]!["body"]![1]!["inlines"]![1]!["text"]).ToList();
        Assert.Equal(handreikingen, titles);
    }

    [Fact]
    public async Task Query_Paged_EachPageHoldsTheNextResultsOnly()
    {
        // Teams asks for the next page (skip) when the user scrolls; a page must not repeat the ones before it.
        var client = _factory.CreateClient();
        var all = await TopicTitlesAsync(client, skip: 0, count: 25);

        var first = await TopicTitlesAsync(client, skip: 0, count: 5);
        var second = await TopicTitlesAsync(client, skip: 5, count: 5);
        var pastTheEnd = await TopicTitlesAsync(client, skip: all.Count, count: 25);

        Assert.Equal(all.Take(5), first);
        Assert.Equal(all.Skip(5).Take(5), second);
        Assert.Empty(pastTheEnd);
    }

    [Fact]
    public async Task Query_NothingMatches_ReturnsMessage()
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(Query("appeltaart recept kaneel"));

        var extension = (await ReadBodyAsync(response))["composeExtension"]!;
        Assert.Equal("message", (string?)extension["type"]);
        Assert.Equal(SharingTexts.NothingFound, (string?)extension["text"]);
    }

    [Fact]
    public async Task Query_UnknownCommand_ReturnsMessage()
    {
        var client = _factory.CreateClient();
        var activity = Query("melden");
        activity["value"]!["commandId"] = "iets-anders";

        var response = await client.PostActivityAsync(activity);

        Assert.Equal(SharingTexts.UnknownCommand, (string?)(await ReadBodyAsync(response))["composeExtension"]!["text"]);
    }

    [Theory]
    [InlineData("\"tekst\"")]
    [InlineData("{\"commandId\":5}")]
    [InlineData("{\"parameters\":\"nope\"}")]
    [InlineData("{\"commandId\":\"zoeken\",\"parameters\":[null]}")]
    public async Task Query_MalformedValue_Returns400WithReason(string value)
    {
        var client = _factory.CreateClient();

        var response = await client.PostActivityAsync(TestActivities.Invoke("composeExtension/query", JsonNode.Parse(value)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The composeExtension/query value is not a valid query.", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]);
    }

    [Fact]
    public async Task Query_OnColdHost_AnswersWithinTeamsTimeLimit()
    {
        using var cold = new BotApplicationFactory();
        var client = cold.CreateClient();
        var stopwatch = Stopwatch.StartNew();

        var response = await client.PostActivityAsync(Query("signalen loverboy"));

        stopwatch.Stop();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Teams gives a search query 5 s (PROTOCOL.md §4.7); the index is built at start-up, not on the first query.
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(5), $"first query took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task Query_StoreUnavailable_AnswersFromTheIndexWithoutPostingIntoTheChat()
    {
        // The search needs the store only for the sender's latest summary; without it the results still come.
        using var storeDown = new BotApplicationFactory
        {
            ConfigureServices = services => services.AddSingleton<IStorage>(new UnreachableStorage()),
        };
        var client = storeDown.CreateClient();

        var response = await client.PostActivityAsync(Query("melden bij CoMensha"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.NotEmpty(body["composeExtension"]!["attachments"]!.AsArray());
        Assert.Empty(storeDown.Connector.Requests);
        storeDown.AssertNoSensitiveTextLogged();
    }

    private static JsonObject Query(string? term)
    {
        var parameters = term is null
            ? new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" })
            : new JsonArray(new JsonObject { ["name"] = SearchExtension.QueryParameter, ["value"] = term });
        return TestActivities.Invoke("composeExtension/query", new JsonObject
        {
            ["commandId"] = SearchExtension.CommandId,
            ["parameters"] = parameters,
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        });
    }

    private static async Task<List<string?>> TopicTitlesAsync(HttpClient client, int skip, int count)
    {
        var activity = Query(null);
        activity["value"]!["queryOptions"] = new JsonObject { ["skip"] = skip, ["count"] = count };
        var extension = (await ReadBodyAsync(await client.PostActivityAsync(activity)))["composeExtension"]!;
        Assert.Equal("result", (string?)extension["type"]);
        return [.. extension["attachments"]!.AsArray().Select(a => (string?)a!["content"]!["body"]![1]!["inlines"]![1]!["text"])];
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private sealed class UnreachableStorage : IStorage
    {
        public Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken) =>
            Task.FromException<StorageItem?>(new StorageUnavailableException("unreachable"));

        public Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken) =>
            Task.FromException<string>(new StorageUnavailableException("unreachable"));

        public Task DeleteAsync(string key, CancellationToken cancellationToken) =>
            Task.FromException(new StorageUnavailableException("unreachable"));

        public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken) =>
            Task.FromException(new StorageUnavailableException("unreachable"));
    }
}

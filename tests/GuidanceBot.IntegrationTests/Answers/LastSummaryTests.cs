using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Guidance.Sharing;
using GuidanceBot.IntegrationTests.Flows;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GuidanceBot.Testing.ExpectedReply;

namespace GuidanceBot.IntegrationTests.Answers;

/// <summary>
/// "Mijn laatste samenvatting" in the message extension: a flow finished in the personal chat is offered
/// again, as its shareable summary card, from the compose box of any other chat, to that user only.
/// </summary>
public sealed class LastSummaryTests : IDisposable
{
    private const string Note = "Komt vaak laat thuis en is erg moe.";
    private const string PersonalChat = "conv-personal-a";
    private const string OtherChat = "conv-group-with-aandachtsfunctionaris";

    private static readonly string[] Domains = [.. SignalDomains.All.Select(d => "signaleren.domain." + d.Id)];

    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task EmptyQuery_AfterSignaleren_SameUserInAnotherChat_GetsTheSummaryFirst()
    {
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync(SignalerenWithNote());

        var attachments = await QueryAsync(client, term: null);

        var first = attachments[0]!;
        Assert.Equal(SharingTexts.LastSummaryTitle, (string?)first["preview"]!["content"]!["title"]);
        var preview = (string?)first["preview"]!["content"]!["text"];
        Assert.StartsWith(FlowCatalog.Signaleren.Name + ", afgerond op ", preview, StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)first["contentType"]);
        var card = first["content"]!.AsObject();
        Assert.Equal(SignalerenSummaryCard.Id, (string?)card["body"]![0]!["id"]);
        var json = card.ToJsonString();
        Assert.Contains(SignalDomains.All[0].Signals.Single(s => s.Id == "gedrag.weglopen").Label, json, StringComparison.Ordinal);
        Assert.DoesNotContain("laat thuis", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Action.Submit", json, StringComparison.Ordinal);
        Assert.Empty(SchemaValidator.Errors(SchemaValidator.AdaptiveCard15, JsonElement.Parse(json)));

        // The topics follow, as without a summary; the summary is offered once.
        Assert.True(attachments.Count > 5);
        Assert.Single(attachments, a => (string?)a!["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle);
    }

    [Fact]
    public async Task EmptyQuery_OtherUser_GetsNoSummary()
    {
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync(SignalerenWithNote());

        var attachments = await QueryAsync(client, term: null, asOtherUser: true);

        Assert.DoesNotContain(attachments, a => (string?)a!["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle);
    }

    [Fact]
    public async Task EmptyQuery_NoFlowFinished_GetsNoSummary()
    {
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync([new Say("melden", Card("melden.acuteDanger"))]);

        var attachments = await QueryAsync(client, term: null);

        Assert.DoesNotContain(attachments, a => (string?)a!["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle);
    }

    [Theory]
    [InlineData("samenvatting", true)]
    [InlineData("laatste", true)]
    [InlineData("mijn laatste samenvatting", true)]
    [InlineData("samenv", true)]
    [InlineData("melden bij CoMensha", false)]
    public async Task Query_WithTerm_OffersTheSummaryOnlyWhenAskedFor(string term, bool offered)
    {
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync(MeldenToTheEnd());

        var attachments = await QueryAsync(client, term);

        var first = attachments[0]!;
        var isSummary = (string?)first["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle;
        Assert.Equal(offered, isSummary);
        if (offered)
        {
            Assert.Equal(MeldenSummaryCard.Id, (string?)first["content"]!["body"]![0]!["id"]);
            Assert.StartsWith(FlowCatalog.Melden.Name + ", ", (string?)first["preview"]!["content"]!["text"], StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain(attachments, a => (string?)a!["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle);
        }
    }

    [Fact]
    public async Task StoredSummary_HoldsNoFreeText_AndTheQueryDoesNotWrite()
    {
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync(SignalerenWithNote());
        var key = Assert.Single(ProviderStore().Keys);
        Assert.StartsWith(LastSummaries.KeyPrefix + "/", key, StringComparison.Ordinal);
        var raw = (await ProviderStore().ReadAsync(key, CancellationToken.None))!;
        var plain = (await _factory.Services.GetRequiredService<IStorage>().ReadAsync(key, CancellationToken.None))!;

        await QueryAsync(client, term: null);

        // Encrypted at rest, and even decrypted only ids, flags and a time: no note, no card text.
        Assert.DoesNotContain("laat thuis", raw.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("weglopen", raw.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("laat thuis", plain.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("moe", plain.Value, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(SignalerenTexts.SummaryTitle, plain.Value, StringComparison.Ordinal);
        Assert.Contains("gedrag.weglopen", plain.Value, StringComparison.Ordinal);
        var stored = JsonNode.Parse(plain.Value)!.AsObject();
        Assert.Equal(["schemaVersion", "completedAt", "signaleren"], stored.Select(p => p.Key));
        Assert.Equal(["schemaVersion", "signals", "lvb"], stored["signaleren"]!.AsObject().Select(p => p.Key));

        // The invoke read the item and left it as it was.
        var after = (await ProviderStore().ReadAsync(key, CancellationToken.None))!;
        Assert.Equal(raw.ETag, after.ETag);
        Assert.Single(ProviderStore().Keys);
    }

    [Fact]
    public async Task Summary_AfterTheConversationIdleTimeout_IsGone()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var storage = new MemoryStorage(clock);
        _factory.Settings["State:ConversationIdleTimeout"] = "02:00:00";
        _factory.ConfigureServices = services => services.AddSingleton<IStorage>(storage);
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync(MeldenToTheEnd());

        clock.Advance(TimeSpan.FromHours(1));
        var before = await QueryAsync(client, term: null);
        clock.Advance(TimeSpan.FromHours(1));
        var after = await QueryAsync(client, term: null);

        Assert.Equal(SharingTexts.LastSummaryTitle, (string?)before[0]!["preview"]!["content"]!["title"]);
        Assert.DoesNotContain(after, a => (string?)a!["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle);
        Assert.Empty(storage.Keys);
    }

    [Fact]
    public async Task EmptyQuery_StoreUnavailableForTheSummary_StillListsTheTopics()
    {
        var storage = new SummaryReadsBreakable(new MemoryStorage(TimeProvider.System));
        _factory.ConfigureServices = services => services.AddSingleton<IStorage>(storage);
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync(MeldenToTheEnd());
        storage.BeforeSummaryRead = _ => throw new StorageUnavailableException("unreachable");

        var attachments = await QueryAsync(client, term: null);

        Assert.DoesNotContain(attachments, a => (string?)a!["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle);
        Assert.Equal(12, attachments.Count);
        Assert.True(storage.SummaryReads > 0);
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("the store is unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmptyQuery_StoreTooSlowForTheSummary_ListsTheTopicsWithoutWaiting()
    {
        // The test clock fires a 2 s timer at once; the read below would otherwise take 30 s of real time.
        _factory.Settings["MessageExtension:LastSummaryTimeout"] = "00:00:02";
        var storage = new SummaryReadsBreakable(new MemoryStorage(TimeProvider.System));
        _factory.ConfigureServices = services => services.AddSingleton<IStorage>(storage);
        var client = _factory.CreateClient();
        await new ScriptRunner(client, PersonalChat).RunAsync(MeldenToTheEnd());
        storage.BeforeSummaryRead = cancellationToken => Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);

        var attachments = await QueryAsync(client, term: null);

        Assert.DoesNotContain(attachments, a => (string?)a!["preview"]!["content"]!["title"] == SharingTexts.LastSummaryTitle);
        Assert.Equal(12, attachments.Count);
        Assert.Contains(_factory.Logs.Lines, line => line.Contains("did not answer in time", StringComparison.Ordinal));
    }

    private static ScriptTurn[] SignalerenWithNote() =>
    [
        new Say("signaleren", Card(Domains[0])),
        new Click(Domains[0], FlowTexts.Next, Card(Domains[1])) { Inputs = On("gedrag.weglopen") },
        .. Domains.Skip(1).Select((domain, i) =>
            (ScriptTurn)new Click(domain, FlowTexts.Next, Card(i + 2 < Domains.Length ? Domains[i + 2] : "signaleren.lvb"))),
        new Click("signaleren.lvb", FlowTexts.Yes, Text("Wil je nog een korte notitie")),
        new Say(Note, Card(SignalerenSummaryCard.Id), Card(NextStepsCard.Id)),
    ];

    private static ScriptTurn[] MeldenToTheEnd() =>
    [
        new Say("melden", Card("melden.acuteDanger")),
        new Click("melden.acuteDanger", FlowTexts.No, Card("melden.steps")),
        new Click("melden.steps", FlowTexts.Next, Card("melden.afweging")) { Inputs = On("stap1") },
        new Click("melden.afweging", FlowTexts.Next, Card("melden.comensha"))
        {
            Inputs = Enumerable.Range(0, 5).ToDictionary(MeldcodeSteps.AfwegingId, _ => "ja"),
        },
        new Click("melden.comensha", MeldenTexts.CoMenshaNotYet, Card("melden.police")),
        new Click("melden.police", MeldenTexts.PoliceGesprek, Card(MeldenSummaryCard.Id)),
    ];

    private static Dictionary<string, string> On(params string[] ids) => ids.ToDictionary(id => id, _ => "true");

    private static async Task<JsonArray> QueryAsync(HttpClient client, string? term, bool asOtherUser = false)
    {
        var parameters = term is null
            ? new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" })
            : new JsonArray(new JsonObject { ["name"] = SearchExtension.QueryParameter, ["value"] = term });
        var activity = TestActivities.Invoke("composeExtension/query", new JsonObject
        {
            ["commandId"] = SearchExtension.CommandId,
            ["parameters"] = parameters,
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["count"] = 25 },
        }, OtherChat);
        activity["conversation"]!["conversationType"] = "groupChat";
        activity["conversation"]!["isGroup"] = true;
        if (asOtherUser)
        {
            activity["from"] = new JsonObject { ["id"] = "29:user-b", ["name"] = "Andere Gebruiker", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000bb" };
        }

        var response = await client.PostActivityAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return body["composeExtension"]!["attachments"]!.AsArray();
    }

    /// <summary>A store whose reads of latest summaries run <see cref="BeforeSummaryRead"/> first (to fail or hang them).</summary>
    private sealed class SummaryReadsBreakable(IStorage inner) : IStorage
    {
        private int _summaryReads;

        public Func<CancellationToken, Task>? BeforeSummaryRead { get; set; }

        public int SummaryReads => _summaryReads;

        public async Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            if (key.StartsWith(LastSummaries.KeyPrefix + "/", StringComparison.Ordinal) && BeforeSummaryRead is { } before)
            {
                Interlocked.Increment(ref _summaryReads);
                await before(cancellationToken);
            }

            return await inner.ReadAsync(key, cancellationToken);
        }

        public Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken) =>
            inner.WriteAsync(key, value, eTag, timeToLive, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken) => inner.DeleteAsync(key, eTag, cancellationToken);
    }

    // The provider's own store: IStorage itself is the encrypting decorator.
    private MemoryStorage ProviderStore() =>
        (MemoryStorage)_factory.Services.GetRequiredKeyedService<IStorage>(StorageServiceCollectionExtensions.ProviderStoreKey);
}

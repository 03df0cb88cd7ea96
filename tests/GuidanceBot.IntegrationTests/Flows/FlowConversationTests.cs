using System.Net;
using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Welcome;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static GuidanceBot.Testing.ExpectedReply;

namespace GuidanceBot.IntegrationTests.Flows;

/// <summary>The flows end to end through <c>/api/messages</c>, with state in the host's (in-memory) storage.</summary>
public sealed class FlowConversationTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [MemberData(nameof(FlowScripts.All), MemberType = typeof(FlowScripts))]
    public async Task Conversation_Script_GetsExpectedRepliesAndLeavesExpectedState(ConversationScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var runner = new ScriptRunner(_factory.CreateClient(), "conv-" + Guid.NewGuid().ToString("N"));

        await runner.RunAsync(script.Turns);

        // Flow state only: a completed flow's outcome is kept per user (LastSummaryTests), not per conversation.
        var stored = Storage().Keys.Count(k => !k.StartsWith(LastSummaries.KeyPrefix + "/", StringComparison.Ordinal));
        Assert.Equal(script.Outcome == ScriptOutcome.FlowRunning ? 1 : 0, stored);
    }

    [Theory]
    [MemberData(nameof(FlowScripts.All), MemberType = typeof(FlowScripts))]
    public async Task Conversation_ScriptFromSenderWithoutId_GetsTheSameReplies(ConversationScript script)
    {
        // No user document can be kept for such a sender (no summary to share later), but the flow itself must work.
        ArgumentNullException.ThrowIfNull(script);
        var runner = new ScriptRunner(_factory.CreateClient(), "conv-" + Guid.NewGuid().ToString("N"))
        {
            ChangeActivity = activity => activity["from"] = new JsonObject(),
        };

        await runner.RunAsync(script.Turns);

        Assert.DoesNotContain(Storage().Keys, k => k.StartsWith(LastSummaries.KeyPrefix + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conversation_FlowCommandInGroupChat_IsRedirectedToPersonalChat()
    {
        var client = _factory.CreateClient();

        var replies = await (await client.PostActivityAsync(
            TestActivities.Message("melden", "conv-group", expectReplies: true).InGroupChat(mentionBot: true))).ReadRepliesAsync();

        Assert.Equal(GuidanceTexts.FlowsOnlyInPersonalChat, (string?)Assert.Single(replies)["text"]);
        Assert.Empty(Storage().Keys);
    }

    [Fact]
    public async Task Conversation_WelcomeButtonInGroupChatWithoutMention_IsRedirectedToPersonalChat()
    {
        var client = _factory.CreateClient();
        var submit = TestActivities.Submit(new JsonObject { ["command"] = "signaleren" }, "conv-group-button");
        submit["conversation"]!["conversationType"] = "groupChat";
        submit["conversation"]!["isGroup"] = true;

        var replies = await (await client.PostActivityAsync(submit)).ReadRepliesAsync();

        Assert.Equal(GuidanceTexts.FlowsOnlyInPersonalChat, (string?)Assert.Single(replies)["text"]);
    }

    [Fact]
    public async Task Conversation_HelpInGroupChat_ShowsTheWelcomeCardWithoutFlowButtons()
    {
        var client = _factory.CreateClient();

        var replies = await (await client.PostActivityAsync(
            TestActivities.Message("help", "conv-group-help", expectReplies: true).InGroupChat(mentionBot: true))).ReadRepliesAsync();

        var reply = Assert.Single(replies);
        Assert.Equal(WelcomeCard.Id, reply.CardId());
        Assert.Null(reply.Card()!["actions"]);
    }

    [Fact]
    public async Task Conversation_QuestionInGroupChatWithMention_IsAnswered()
    {
        var client = _factory.CreateClient();

        var replies = await (await client.PostActivityAsync(
            TestActivities.Message("Wat is CoMensha?", "conv-group-question", expectReplies: true).InGroupChat(mentionBot: true))).ReadRepliesAsync();

        Assert.Equal(AnswerCard.Id, Assert.Single(replies).CardId());
    }

    [Fact]
    public async Task Conversation_QuestionInGroupChatThatAlsoMentionsAColleague_IsAnswered()
    {
        var client = _factory.CreateClient();
        var activity = TestActivities.Message("<at>Jan</at> wat is CoMensha?", "conv-group-colleague", expectReplies: true).InGroupChat(mentionBot: true);
        activity["entities"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Jan</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:jan", ["name"] = "Jan" },
        });

        var replies = await (await client.PostActivityAsync(activity)).ReadRepliesAsync();

        var reply = Assert.Single(replies);
        Assert.Equal(AnswerCard.Id, reply.CardId());
        Assert.DoesNotContain("<at>", reply.ToJson(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Conversation_StoredDocumentOfOtherSchemaVersion_EndsPolitelyWithMenu()
    {
        var runner = new ScriptRunner(_factory.CreateClient(), "conv-old-document");
        await runner.SendAsync(new Say("melden"));
        await RewriteStoredStateAsync(json =>
        {
            json["schemaVersion"] = 99;
            return json;
        });

        var replies = await runner.SendAsync(new Say("nee"));

        Assert.Equal(FlowTexts.StateOutdated, (string?)replies[0]["text"]);
        Assert.Equal(WelcomeCard.Id, replies[1].CardId());
        Assert.Empty(Storage().Keys);
    }

    [Fact]
    public async Task Conversation_FlowStateOfOtherSchemaVersion_EndsPolitelyWithMenu()
    {
        var runner = new ScriptRunner(_factory.CreateClient(), "conv-old-flow");
        await runner.SendAsync(new Say("melden"));
        await RewriteStoredStateAsync(json =>
        {
            var text = json.ToJsonString().Replace("\"schemaVersion\":1", "\"schemaVersion\":0", StringComparison.Ordinal);
            var rewritten = JsonNode.Parse(text)!.AsObject();
            rewritten["schemaVersion"] = GuidanceConversation.CurrentSchemaVersion;
            return rewritten;
        });

        var replies = await runner.SendAsync(new Say("nee"));

        Assert.Equal(FlowTexts.StateOutdated, (string?)replies[0]["text"]);
        Assert.Equal(WelcomeCard.Id, replies[1].CardId());
        Assert.Empty(Storage().Keys);
    }

    [Fact]
    public async Task Conversation_IdleForConfiguredTime_StateIsGoneAndOldCardsAreInactive()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        _factory.Settings["State:ConversationIdleTimeout"] = "02:00:00";
        _factory.ConfigureServices = services => services.AddSingleton<IStorage>(new MemoryStorage(clock));
        var runner = new ScriptRunner(_factory.CreateClient(), "conv-idle");
        await runner.RunAsync([new Say("melden", Card("melden.acuteDanger"))]);

        clock.Advance(TimeSpan.FromHours(2));

        await runner.RunAsync([new Click("melden.acuteDanger", FlowTexts.No, Text(FlowTexts.CardNoLongerActive))]);
        Assert.Empty(Storage().Keys);
    }

    [Fact]
    public async Task Conversation_ConcurrentWriteDuringTurn_TurnIsRerunOnFreshStateAndRepliesOnce()
    {
        var interfering = new InterferingStorage(new MemoryStorage(TimeProvider.System));
        _factory.ConfigureServices = services => services.AddSingleton<IStorage>(interfering);
        var runner = new ScriptRunner(_factory.CreateClient(), "conv-conflict-once");
        await runner.SendAsync(new Say("melden"));
        interfering.InterferingWrites = 1;

        var replies = await runner.SendAsync(new Click("melden.acuteDanger", FlowTexts.No));

        Assert.Equal(["melden.steps"], replies.Select(r => r.CardId()));
        Assert.Equal(1, interfering.Interfered);
    }

    [Fact]
    public async Task Conversation_ConcurrentWriteOnEveryAttempt_IsNotOverwrittenAndUserIsAskedToTryAgain()
    {
        var interfering = new InterferingStorage(new MemoryStorage(TimeProvider.System));
        _factory.ConfigureServices = services => services.AddSingleton<IStorage>(interfering);
        var runner = new ScriptRunner(_factory.CreateClient(), "conv-conflict-always");
        await runner.SendAsync(new Say("melden"));
        var before = await interfering.ReadAsync(interfering.LastKey!, CancellationToken.None);
        interfering.InterferingWrites = int.MaxValue;

        var replies = await runner.SendAsync(new Click("melden.acuteDanger", FlowTexts.No));

        Assert.Equal(GuidanceTexts.TurnConflict, (string?)Assert.Single(replies)["text"]);
        Assert.Equal(3, interfering.Interfered);
        var after = await interfering.ReadAsync(interfering.LastKey!, CancellationToken.None);
        Assert.Equal(before!.Value, after!.Value);
        Assert.NotEqual(before.ETag, after.ETag);
    }

    [Fact]
    public async Task Conversation_TwoClicksAtOnceOnTheLastStep_FinishTheFlowOnce()
    {
        // Both turns read the flow before either saves: the one that saves second must not finish it again.
        var together = new ReadsTogetherStorage(new MemoryStorage(TimeProvider.System));
        _factory.ConfigureServices = services => services.AddSingleton<IStorage>(together);
        var client = _factory.CreateClient();
        var runner = new ScriptRunner(client, "conv-double-click-last");
        await runner.SendAsync(new Say("risico"));
        var click = runner.ActivityFor(new Click("risico.acuteDanger", FlowTexts.Yes));
        var again = (JsonObject)click.DeepClone();
        again["id"] = "activity-" + Guid.NewGuid().ToString("N");
        together.HoldNextReads(2);

        var responses = await Task.WhenAll(client.PostActivityAsync(click), client.PostActivityAsync(again));
        var replies = await Task.WhenAll(responses.Select(r => r.ReadRepliesAsync()));

        var shown = replies.Select(r => string.Join(", ", r.Select(a => a.CardId() ?? (string?)a["text"]))).Order().ToList();
        Assert.Equal([FlowTexts.CardNoLongerActive, UrgentCallCard.Id], shown);
        Assert.Empty(together.Keys());
    }

    [Theory]
    [InlineData("remove", true)]
    [InlineData("remove-upgrade", false)]
    [InlineData("add", false)]
    public async Task Conversation_AppRemovedFromPersonalChat_DeletesTheRunningFlowAndTheLatestSummary(string action, bool deleted)
    {
        var client = _factory.CreateClient();
        var runner = new ScriptRunner(client, TestActivities.ConversationId);
        await runner.RunAsync([.. RisicotaxatieToItsSummary, new Say("melden", Card("melden.acuteDanger"))]);
        Assert.Equal(2, Storage().Keys.Count);

        var response = await client.PostActivityAsync(TestActivities.InstallationUpdate(action));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(deleted ? 0 : 2, Storage().Keys.Count);
    }

    [Fact]
    public async Task Conversation_AppRemovedFromAGroupChat_KeepsTheRemoversLatestSummary()
    {
        // The summary is the user's, made in their personal chat: removing the app from a group is no reason to drop it.
        var client = _factory.CreateClient();
        await new ScriptRunner(client, TestActivities.ConversationId).RunAsync(RisicotaxatieToItsSummary);
        var removed = TestActivities.InstallationUpdate(InstallationActions.Remove, "19:group-chat-1@thread.v2");
        removed["conversation"]!["conversationType"] = "groupChat";
        removed["conversation"]!["isGroup"] = true;

        await client.PostActivityAsync(removed);

        Assert.Single(Storage().Keys, k => k.StartsWith(LastSummaries.KeyPrefix + "/", StringComparison.Ordinal));
    }

    // A whole risicotaxatie: it ends with the summary, which becomes the user's latest summary.
    private static readonly ScriptTurn[] RisicotaxatieToItsSummary =
    [
        new Say("risico", Card("risico.acuteDanger")),
        new Click("risico.acuteDanger", FlowTexts.No, Card("risico.recentViolence")),
        new Click("risico.recentViolence", FlowTexts.No, Card("risico.signals")),
        new Click("risico.signals", FlowTexts.Next, Card("risico.riskFactors")),
        new Click("risico.riskFactors", FlowTexts.Next, Card("risico.protective")),
        new Click("risico.protective", FlowTexts.Next, Card(RisicotaxatieSummaryCard.Id), Card(NextStepsCard.Id)),
    ];

    // The provider's own store: IStorage itself is the encrypting decorator, unless a test replaced it.
    private MemoryStorage Storage() =>
        _factory.Services.GetRequiredService<IStorage>() as MemoryStorage
        ?? (MemoryStorage)_factory.Services.GetRequiredKeyedService<IStorage>(StorageServiceCollectionExtensions.ProviderStoreKey);

    private async Task RewriteStoredStateAsync(Func<JsonObject, JsonObject> rewrite)
    {
        var key = Assert.Single(Storage().Keys);
        var storage = _factory.Services.GetRequiredService<IStorage>();
        var item = (await storage.ReadAsync(key, CancellationToken.None))!;
        var json = JsonNode.Parse(item.Value)!.AsObject();
        var rewritten = rewrite(json);
        await storage.WriteAsync(key, rewritten.ToJsonString(), item.ETag, TimeSpan.FromHours(1), CancellationToken.None);
    }

    /// <summary>
    /// A store that holds the next <c>n</c> reads of conversation state until all <c>n</c> have come in, so that
    /// that many turns read the same version before any of them writes.
    /// </summary>
    private sealed class ReadsTogetherStorage(MemoryStorage inner) : IStorage
    {
        private readonly Lock _lock = new();
        private int _waiting;
        private TaskCompletionSource? _allIn;

        public void HoldNextReads(int count)
        {
            lock (_lock)
            {
                _waiting = count;
                _allIn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public IEnumerable<string> Keys() => inner.Keys;

        public async Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken)
        {
            var item = await inner.ReadAsync(key, cancellationToken);
            Task? hold = null;
            lock (_lock)
            {
                if (_waiting > 0 && key.StartsWith("conversation/", StringComparison.Ordinal))
                {
                    hold = _allIn!.Task;
                    if (--_waiting == 0)
                    {
                        _allIn.SetResult();
                    }
                }
            }

            if (hold is not null)
            {
                await hold.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return item;
        }

        public Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken) =>
            inner.WriteAsync(key, value, eTag, timeToLive, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken) => inner.DeleteAsync(key, eTag, cancellationToken);
    }

    /// <summary>
    /// A store where "another instance" rewrites the item (same content, new ETag) just before this instance's
    /// write, for the next <see cref="InterferingWrites"/> writes: each such write then conflicts.
    /// </summary>
    private sealed class InterferingStorage(IStorage inner) : IStorage
    {
        private int _interferingWrites;
        private int _interfered;

        public int InterferingWrites
        {
            get => Volatile.Read(ref _interferingWrites);
            set => Volatile.Write(ref _interferingWrites, value);
        }

        public int Interfered => Volatile.Read(ref _interfered);

        public string? LastKey { get; private set; }

        public Task<StorageItem?> ReadAsync(string key, CancellationToken cancellationToken) => inner.ReadAsync(key, cancellationToken);

        public async Task<string> WriteAsync(string key, string value, string? eTag, TimeSpan timeToLive, CancellationToken cancellationToken)
        {
            LastKey = key;
            if (InterferingWrites > 0 && await inner.ReadAsync(key, cancellationToken) is { } current)
            {
                InterferingWrites--;
                Interlocked.Increment(ref _interfered);
                await inner.WriteAsync(key, current.Value, current.ETag, timeToLive, cancellationToken);
            }

            return await inner.WriteAsync(key, value, eTag, timeToLive, cancellationToken);
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public Task DeleteAsync(string key, string eTag, CancellationToken cancellationToken) => inner.DeleteAsync(key, eTag, cancellationToken);
    }
}

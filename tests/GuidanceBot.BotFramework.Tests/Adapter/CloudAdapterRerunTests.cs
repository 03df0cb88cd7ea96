using System.Text;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

/// <summary>A turn whose state save conflicts is re-run on a fresh context; only the surviving attempt's replies go out.</summary>
public sealed class CloudAdapterRerunTests
{
    private const string Apology = "probeer het nog eens";

    private const string Invoke =
        """{"type":"invoke","name":"adaptiveCard/action","id":"1","serviceUrl":"http://localhost:1/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""";

    private readonly RecordingConnector _connector = new();

    [Fact]
    public async Task ProcessAsync_ConflictOnFirstAttempt_RerunsAndSendsOnlyTheLastAttemptsReplies()
    {
        var bot = new ConflictingBot(conflicts: 1);

        await NewAdapter().ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);

        Assert.Equal(2, bot.Attempts);
        Assert.Equal(["poging 2"], _connector.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task ProcessAsync_ConflictOnEveryAttempt_SendsOnlyTheApology()
    {
        var bot = new ConflictingBot(conflicts: int.MaxValue);

        await NewAdapter().ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);

        Assert.Equal(3, bot.Attempts);
        Assert.Equal([Apology], _connector.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task ProcessAsync_Rerun_GetsThePristineActivity()
    {
        var bot = new ConflictingBot(conflicts: 1);

        await NewAdapter().ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);

        Assert.Equal(["hallo", "hallo"], bot.SeenTexts);
    }

    [Fact]
    public async Task ProcessAsync_ExpectRepliesWithConflict_BodyHoldsOnlyTheLastAttempt()
    {
        var bot = new ConflictingBot(conflicts: 2);
        var request = AdapterHarness.Request(AdapterHarness.Message.Replace("\"type\"", "\"deliveryMode\":\"expectReplies\",\"type\"", StringComparison.Ordinal));

        await NewAdapter().ProcessAsync(request, bot, CancellationToken.None);

        Assert.Empty(_connector.Sent);
        Assert.Contains("poging 3", ReadBody(request), StringComparison.Ordinal);
        Assert.DoesNotContain("poging 1", ReadBody(request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProcessAsync_TypingIndicator_IsSentAtOnceAndNotHeldBack()
    {
        var bot = new ConflictingBot(conflicts: 0) { SendTyping = true };

        await NewAdapter().ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);

        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], _connector.Sent.Select(a => a.Type));
    }

    [Fact]
    public async Task ProcessAsync_InvokeWhenStoreUnavailable_Answers503AndPostsNothingIntoTheChat()
    {
        var bot = new ThrowingBot(new StorageUnavailableException("down")) { SendFirst = "half" };
        var request = AdapterHarness.Request(Invoke);

        await NewAdapter().ProcessAsync(request, bot, CancellationToken.None);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, request.Response.StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task ProcessAsync_InvokeWithOtherFailure_Answers500AndPostsNothingIntoTheChat()
    {
        var request = AdapterHarness.Request(Invoke);

        await NewAdapter().ProcessAsync(request, new ThrowingBot(new InvalidOperationException("bug")), CancellationToken.None);

        Assert.Equal(StatusCodes.Status500InternalServerError, request.Response.StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task ProcessAsync_FailureAfterSending_DropsTheHeldBackReplies()
    {
        var bot = new ThrowingBot(new StorageUnavailableException("down")) { SendFirst = "half" };

        await NewAdapter().ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);

        Assert.Equal([Apology], _connector.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task ProcessAsync_InvokeTimingOutWhilePausingBeforeRerun_Answers503WithoutApology()
    {
        var request = AdapterHarness.Request(Invoke);

        await RunUntilTimedOutWhilePausingAsync(request);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, request.Response.StatusCode);
        Assert.Empty(_connector.Sent);
    }

    [Fact]
    public async Task ProcessAsync_MessageTimingOutWhilePausingBeforeRerun_SendsTheApology()
    {
        var request = AdapterHarness.Request();

        await RunUntilTimedOutWhilePausingAsync(request);

        Assert.Equal(StatusCodes.Status200OK, request.Response.StatusCode);
        Assert.Equal([Apology], _connector.Sent.Select(a => a.Text));
    }

    /// <summary>
    /// Runs a turn that conflicts on every attempt. The bot takes no time of the fake clock, so the turn timeout
    /// can only fire during a pause between attempts.
    /// </summary>
    private async Task RunUntilTimedOutWhilePausingAsync(DefaultHttpContext request)
    {
        var time = new FakeTimeProvider();
        var adapter = AdapterHarness.Create(
            _connector,
            time,
            new AdapterOptions { TurnRetryDelay = TimeSpan.FromSeconds(1), MaxTurnAttempts = int.MaxValue, TurnTimeout = TimeSpan.FromSeconds(5), TypingDelay = TimeSpan.FromHours(1) },
            new ApologyHandler());

        var turn = adapter.ProcessAsync(request, new ConflictingBot(conflicts: int.MaxValue), CancellationToken.None);
        while (!turn.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Yield();
        }

        await turn;
    }

    private CloudAdapter NewAdapter() => AdapterHarness.Create(
        _connector,
        new FakeTimeProvider(),
        new AdapterOptions { TurnRetryDelay = TimeSpan.Zero, TypingDelay = TimeSpan.FromHours(1) },
        new ApologyHandler());

    private static string ReadBody(DefaultHttpContext context) =>
        Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());

    /// <summary>Replies "poging N", mutates the activity as handlers may, and loses its save the first <c>conflicts</c> times.</summary>
    private sealed class ConflictingBot(int conflicts) : IBot
    {
        public int Attempts { get; private set; }

        public List<string?> SeenTexts { get; } = [];

        public bool SendTyping { get; init; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Attempts++;
            SeenTexts.Add(turnContext.Activity.Text);
            turnContext.Activity.Text = "changed by attempt " + Attempts;
            if (SendTyping)
            {
                await turnContext.SendActivityAsync(new Activity { Type = ActivityTypes.Typing }, cancellationToken);
            }

            await turnContext.SendActivityAsync("poging " + Attempts, cancellationToken);
            if (Attempts <= conflicts)
            {
                throw new StorageConflictException("lost the race");
            }
        }
    }

    private sealed class ThrowingBot(Exception exception) : IBot
    {
        public string? SendFirst { get; init; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            if (SendFirst is not null)
            {
                await turnContext.SendActivityAsync(SendFirst, cancellationToken);
            }

            throw exception;
        }
    }

    private sealed class ApologyHandler : ITurnErrorHandler
    {
        public Task OnTurnErrorAsync(ITurnContext turnContext, Exception exception, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync(Apology, cancellationToken);
    }
}

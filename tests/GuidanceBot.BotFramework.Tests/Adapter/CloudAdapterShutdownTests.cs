using System.Text;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

/// <summary>
/// A turn is not cancelled when the caller hangs up (the Bot Service after 15 s, or Kestrel aborting
/// connections at shutdown): its state save must not be cut off half-way. Only the turn timeout stops it.
/// </summary>
public sealed class CloudAdapterShutdownTests
{
    private const string Message =
        """{"type":"message","id":"1","text":"hallo","serviceUrl":"http://localhost:1/","conversation":{"id":"c"},"from":{"id":"u"},"recipient":{"id":"b"}}""";

    private readonly RecordingConnector _connector = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task ProcessAsync_RequestAbortedMidTurn_TurnStillSavesAndReplies()
    {
        using var requestAborted = new CancellationTokenSource();
        var bot = new SavingBot();

        var turn = NewAdapter(TimeSpan.FromSeconds(25)).ProcessAsync(NewRequest(), bot, requestAborted.Token);
        await bot.Started.Task;
        await requestAborted.CancelAsync();
        bot.Release.SetResult();
        await turn;

        Assert.True(bot.Saved);
        Assert.Equal(["opgeslagen"], _connector.Sent.Select(a => a.Text));
    }

    [Fact]
    public async Task ProcessAsync_TurnTimeoutPasses_EndsTheTurnAsFailed()
    {
        var bot = new SavingBot();

        var turn = NewAdapter(TimeSpan.FromSeconds(25)).ProcessAsync(NewRequest(), bot, CancellationToken.None);
        await bot.Started.Task;
        _time.Advance(TimeSpan.FromSeconds(25));
        bot.Release.SetResult();
        await turn;

        Assert.False(bot.Saved);
        Assert.Empty(_connector.Sent);
    }

    private CloudAdapter NewAdapter(TimeSpan turnTimeout) => new(
        new AnonymousAuthenticator(),
        _connector,
        Options.Create(new BotAuthenticationOptions()),
        Options.Create(new AdapterOptions { TypingDelay = TimeSpan.FromHours(1), TurnTimeout = turnTimeout }),
        _time,
        new ConversationRateLimiter(Options.Create(new RateLimitOptions())),
        NullLogger<CloudAdapter>.Instance);

    private static DefaultHttpContext NewRequest()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(Message));
        context.Response.Body = new MemoryStream();
        return context;
    }

    /// <summary>Waits mid-turn until released, then "saves" with the turn's token, as a storage write would.</summary>
    private sealed class SavingBot : IBot
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Saved { get; private set; }

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Started.SetResult();
            await Release.Task;
            cancellationToken.ThrowIfCancellationRequested();
            Saved = true;
            await turnContext.SendActivityAsync("opgeslagen", cancellationToken);
        }
    }

    private sealed class AnonymousAuthenticator : IBotAuthenticator
    {
        public bool RequiresToken => false;

        public Task<BotAuthenticationResult> AuthenticateAsync(
            string? authorizationHeader, Activity activity, CancellationToken cancellationToken) =>
            Task.FromResult(BotAuthenticationResult.Anonymous);
    }
}

using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

/// <summary>
/// A turn is not cancelled when the caller hangs up (the Bot Service after 15 s, or Kestrel aborting
/// connections at shutdown): its state save must not be cut off half-way. Only the turn timeout stops it.
/// </summary>
public sealed class CloudAdapterShutdownTests
{
    private readonly RecordingConnector _connector = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task ProcessAsync_RequestAbortedMidTurn_TurnStillSavesAndReplies()
    {
        using var requestAborted = new CancellationTokenSource();
        var bot = new SavingBot();

        var turn = NewAdapter(TimeSpan.FromSeconds(25)).ProcessAsync(AdapterHarness.Request(), bot, requestAborted.Token);
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

        var turn = NewAdapter(TimeSpan.FromSeconds(25)).ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);
        await bot.Started.Task;
        _time.Advance(TimeSpan.FromSeconds(25));
        bot.Release.SetResult();
        await turn;

        Assert.False(bot.Saved);
        Assert.Empty(_connector.Sent);
    }

    private CloudAdapter NewAdapter(TimeSpan turnTimeout) =>
        AdapterHarness.Create(_connector, _time, new AdapterOptions { TypingDelay = TimeSpan.FromHours(1), TurnTimeout = turnTimeout });

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
}

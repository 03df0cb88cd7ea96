using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace GuidanceBot.BotFramework.Tests.Adapter;

public sealed class TypingIndicatorTests
{
    [Fact]
    public async Task SlowTurn_SendsTypingAfterDelay_AndStopsWhenDone()
    {
        var time = new FakeTimeProvider();
        var connector = new RecordingConnector();
        var bot = new GatedBot();
        var adapter = NewAdapter(connector, time);

        var turn = adapter.ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);
        await bot.Started.Task;
        time.Advance(TimeSpan.FromMilliseconds(999));
        var typingBeforeDelay = connector.Sent.Count;
        time.Advance(TimeSpan.FromMilliseconds(1));
        await WaitForSentAsync(connector, 1);
        bot.Release.SetResult();
        await turn;
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(0, typingBeforeDelay);
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], connector.Sent.Select(a => a.Type));
    }

    [Fact]
    public async Task FastTurn_SendsNoTyping()
    {
        var time = new FakeTimeProvider();
        var connector = new RecordingConnector();
        var bot = new GatedBot();
        bot.Release.SetResult();

        await NewAdapter(connector, time).ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal([ActivityTypes.Message], connector.Sent.Select(a => a.Type));
    }

    // The typing send is started by the timer callback on the test thread; its completion is awaited, not slept on.
    private static async Task WaitForSentAsync(RecordingConnector connector, int count)
    {
        while (connector.Sent.Count < count)
        {
            await Task.Yield();
        }
    }

    // The tests advance the clock by 30 s; the turn must not time out meanwhile.
    private static CloudAdapter NewAdapter(RecordingConnector connector, TimeProvider time) =>
        AdapterHarness.Create(connector, time, new AdapterOptions { TurnTimeout = TimeSpan.FromHours(1) });

    private sealed class GatedBot : IBot
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Release.Task;
            await turnContext.SendActivityAsync("klaar", cancellationToken);
        }
    }

}

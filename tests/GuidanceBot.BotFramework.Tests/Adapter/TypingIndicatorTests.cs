using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Connector;
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

    [Fact]
    public async Task TypingStillOnItsWayWhenTurnEnds_LandsBeforeTheReply()
    {
        var (_, connector, turn) = await EndTurnWhileTypingIsOnItsWayAsync();
        var deliveredWhileTypingPending = connector.Delivered.Count;
        connector.TypingRelease.SetResult();
        await turn;

        Assert.Equal(0, deliveredWhileTypingPending);
        Assert.Equal([ActivityTypes.Typing, ActivityTypes.Message], connector.Delivered.Select(a => a.Type));
    }

    [Fact]
    public async Task TypingSendHangsWhenTurnEnds_ReplyGoesOutAfterTheGraceAndTheSendIsCalledOff()
    {
        var (time, connector, turn) = await EndTurnWhileTypingIsOnItsWayAsync();
        var deliveredWithinTheGrace = connector.Delivered.Count;
        time.Advance(TypingIndicator.StopGrace);
        await turn.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(0, deliveredWithinTheGrace);
        Assert.True(connector.TypingCancelled, "the typing send still on its way is called off");
        Assert.Equal([ActivityTypes.Message], connector.Delivered.Select(a => a.Type));
    }

    // Runs a turn past the typing delay, holds its typing send on the connector, then lets the bot finish and
    // waits until the turn waits for that send: until it has set the timer of the grace (or has ended without
    // waiting, which the tests then report). A fixed pause here (it was 50 ms) let a busy machine advance the clock
    // before that timer existed, so the grace never ran out and the turn never ended.
    private static async Task<(FakeTimeProvider Time, SlowTypingConnector Connector, Task Turn)> EndTurnWhileTypingIsOnItsWayAsync()
    {
        var time = new GraceWatchingTimeProvider();
        var connector = new SlowTypingConnector();
        var bot = new GatedBot();
        var turn = NewAdapter(connector, time).ProcessAsync(AdapterHarness.Request(), bot, CancellationToken.None);
        await bot.Started.Task;
        time.Advance(TimeSpan.FromSeconds(1));
        await connector.TypingStarted.Task;

        bot.Release.SetResult();
        await Task.WhenAny(time.GraceTimerCreated.Task, turn);
        return (time, connector, turn);
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
    private static CloudAdapter NewAdapter(IConnectorClient connector, TimeProvider time) =>
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

    /// <summary>Tells when a one-shot timer of <see cref="TypingIndicator.StopGrace"/> is set: the grace a finished turn gives the typing send.</summary>
    private sealed class GraceWatchingTimeProvider : FakeTimeProvider
    {
        public TaskCompletionSource GraceTimerCreated { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime == TypingIndicator.StopGrace && period == Timeout.InfiniteTimeSpan)
            {
                GraceTimerCreated.TrySetResult();
            }

            return timer;
        }
    }

    /// <summary>Delivers (records) a typing activity only once released (or fails it when called off); everything else at once.</summary>
    private sealed class SlowTypingConnector : IConnectorClient
    {
        public TaskCompletionSource TypingStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource TypingRelease { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public System.Collections.Concurrent.ConcurrentQueue<Activity> Delivered { get; } = new();

        public bool TypingCancelled { get; private set; }

        public async Task<ResourceResponse?> SendToConversationAsync(Activity activity, CancellationToken cancellationToken)
        {
            if (activity.Type == ActivityTypes.Typing)
            {
                TypingStarted.TrySetResult();
                try
                {
                    await TypingRelease.Task.WaitAsync(cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    TypingCancelled = true;
                    throw;
                }
            }

            Delivered.Enqueue(activity);
            return new ResourceResponse { Id = "sent" };
        }

        public Task<ResourceResponse?> ReplyToActivityAsync(Activity activity, CancellationToken cancellationToken) =>
            SendToConversationAsync(activity, cancellationToken);

        public Task<ResourceResponse?> UpdateActivityAsync(Activity activity, CancellationToken cancellationToken) =>
            SendToConversationAsync(activity, cancellationToken);

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }
}

using System.Globalization;
using System.Text.Json.Serialization;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using Microsoft.Extensions.Options;

namespace GuidanceBot.IntegrationTests.ScaleOut;

/// <summary>
/// Test-only conversation state whose every turn has a countable effect: the count goes up by one and the
/// turn's activity id is appended. A serial run of N turns leaves Count = N and N distinct ids.
/// </summary>
public sealed class CounterState : IBotStateDocument
{
    public static int CurrentSchemaVersion => 1;

    public int SchemaVersion { get; set; }

    public int Count { get; set; }

    public List<string> AppliedActivityIds { get; set; } = [];

    public bool IsEmpty() => false;
}

/// <summary>Source-generated JSON for <see cref="CounterState"/>.</summary>
[JsonSerializable(typeof(CounterState))]
public sealed partial class CounterJsonContext : JsonSerializerContext;

/// <summary>What every instance's <see cref="CountingBot"/> saw, shared by the test's hosts.</summary>
public sealed class TurnLedger
{
    private readonly TaskCompletionSource _allLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _runs;
    private int _waiting;

    /// <summary>
    /// How many first attempts wait after loading until that many have loaded the same state: this forces
    /// at least <c>OverlapAtStart - 1</c> conflicts, so the test never passes by running turns one by one.
    /// </summary>
    public int OverlapAtStart { get; init; }

    /// <summary>Bot runs over all instances, re-runs included.</summary>
    public int Runs => Volatile.Read(ref _runs);

    public int RecordRun() => Interlocked.Increment(ref _runs);

    /// <summary>Holds the first <see cref="OverlapAtStart"/> loads until all of them have loaded.</summary>
    public Task OverlapAsync(CancellationToken cancellationToken)
    {
        var position = Interlocked.Increment(ref _waiting);
        if (position > OverlapAtStart)
        {
            return Task.CompletedTask;
        }

        if (position == OverlapAtStart)
        {
            _allLoaded.TrySetResult();
        }

        // The bound only keeps a broken run from hanging; the turns normally meet at once.
        return _allLoaded.Task.WaitAsync(TimeSpan.FromMinutes(1), cancellationToken);
    }
}

/// <summary>A bot whose turn loads <see cref="CounterState"/>, counts itself in, replies "count N" and saves.</summary>
public sealed class CountingBot(IStorage storage, IOptions<BotStateOptions> options, TurnLedger ledger) : IBot
{
    public const string ReplyPrefix = "count ";

    private readonly ConversationState<CounterState> _state = new(storage, CounterJsonContext.Default.CounterState, options);

    public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ledger.RecordRun();
        var counter = await _state.LoadAsync(turnContext, cancellationToken);
        await ledger.OverlapAsync(cancellationToken);
        counter.Count++;
        counter.AppliedActivityIds.Add(turnContext.Activity.Id!);
        await turnContext.SendActivityAsync(ReplyPrefix + counter.Count.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await _state.SaveChangesAsync(turnContext, cancellationToken);
    }

    /// <summary>What storage holds for <paramref name="turnContext"/>'s conversation now.</summary>
    public Task<CounterState> ReadAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _state.LoadAsync(turnContext, cancellationToken);
}

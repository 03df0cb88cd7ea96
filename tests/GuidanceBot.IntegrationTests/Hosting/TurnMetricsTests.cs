using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.IntegrationTests.Infrastructure;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>
/// Turn durations go to a histogram with bounded tags; the line per turn is Debug, so a host at the shipped
/// Information level writes nothing for a turn that went well.
/// </summary>
public sealed class TurnMetricsTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();
    private readonly ConcurrentQueue<(double Seconds, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    public TurnMetricsTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meter: other test classes run their own hosts in parallel.
            if (instrument.Meter.Name == TurnMetrics.MeterName && instrument.Name == TurnMetrics.DurationInstrument
                && ReferenceEquals(instrument.Meter.Scope, _factory.Services.GetRequiredService<IMeterFactory>()))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            _measurements.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Message_IsMeasuredOnceAsCompletedMessage()
    {
        var client = _factory.CreateClient();
        _listener.Start();

        await client.PostActivityAsync(TestActivities.Message("help", expectReplies: true));

        var (seconds, tags) = Assert.Single(_measurements);
        Assert.True(seconds >= 0, $"duration {seconds}");
        Assert.Equal("message", tags["activity.type"]);
        Assert.Equal("completed", tags["outcome"]);
        Assert.Equal(2, tags.Count);
    }

    [Fact]
    public async Task UnknownActivityType_IsTaggedOther()
    {
        var client = _factory.CreateClient();
        _listener.Start();
        var activity = TestActivities.Message(null, expectReplies: true);
        activity["type"] = "anything-a-caller-chose";

        await client.PostActivityAsync(activity);

        var (_, tags) = Assert.Single(_measurements);
        Assert.Equal("other", tags["activity.type"]);
    }

    [Fact]
    public async Task FailedTurn_IsMeasuredAsFailed()
    {
        _factory.ConfigureServices = services => services.AddSingleton<IBot, FailingBot>();
        var client = _factory.CreateClient();
        _listener.Start();

        await client.PostActivityAsync(TestActivities.Message("boem", expectReplies: true));

        var (_, tags) = Assert.Single(_measurements);
        Assert.Equal("failed", tags["outcome"]);
    }

    [Fact]
    public async Task Message_WritesNoAdapterLineAtInformationOrAbove()
    {
        var client = _factory.CreateClient();

        await client.PostActivityAsync(TestActivities.Message("help", expectReplies: true));

        var adapterLines = _factory.Logs.Lines.Where(line => line.Contains(typeof(CloudAdapter).FullName!, StringComparison.Ordinal)).ToList();
        // The Debug line is captured (the factory logs the bot's categories from Trace), so the filter below is not vacuous.
        Assert.Contains(adapterLines, line => line.StartsWith("Debug ", StringComparison.Ordinal));
        Assert.DoesNotContain(adapterLines, line => !line.StartsWith("Debug ", StringComparison.Ordinal) && !line.StartsWith("Trace ", StringComparison.Ordinal));
    }

    private sealed class FailingBot : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the bot failed");
    }
}

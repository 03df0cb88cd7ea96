using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Activity = GuidanceBot.BotFramework.Schema.Activity;
using TraceActivity = System.Diagnostics.Activity;

namespace GuidanceBot.BotFramework.Tests.Connector;

/// <summary>
/// The connector's HttpClient as <see cref="BotFrameworkServiceCollectionExtensions.AddBotFramework"/> registers
/// it, against a real loopback server: what it does with redirects, and what it tells logs and tracing.
/// </summary>
public sealed class ConnectorHttpClientTests
{
    // Unique per test, so that activities and log lines of tests running in parallel cannot be mistaken for ours.
    private readonly string _conversationMarker = Guid.NewGuid().ToString("N");

    [Theory]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task SendToConversation_ConnectorRedirects_DoesNotFollowAndFailsWithoutRetry(int status)
    {
        await using var elsewhere = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"id":"stolen"}"""));
        await using var connector = new LoopbackHttpServer(_ => LoopbackResponse.Redirect(status, new Uri(elsewhere.BaseAddress, "collect")));
        await using var services = Services(new CapturingLoggerProvider());

        var failure = await Assert.ThrowsAsync<ConnectorException>(
            () => Connector(services).SendToConversationAsync(Activity(connector), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Single(connector.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task SendToConversation_LoggingAtTrace_NoLineOrScopeCarriesTheConversationId()
    {
        await using var connector = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"id":"reply-1"}"""));
        var logs = new CapturingLoggerProvider();
        await using var services = Services(logs);

        await Connector(services).SendToConversationAsync(Activity(connector), CancellationToken.None);

        Assert.Single(connector.Requests);
        Assert.DoesNotContain(logs.Lines, line => line.Contains(_conversationMarker, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Scopes, scope => scope.Contains(_conversationMarker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendToConversation_TracingListenerAttached_NoActivityOrDiagnosticEventCarriesTheConversationId()
    {
        await using var connector = new LoopbackHttpServer(_ => LoopbackResponse.Json("""{"id":"reply-1"}"""));
        await using var services = Services(new CapturingLoggerProvider());
        var seen = new ConcurrentQueue<string>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => seen.Enqueue(Describe(activity)),
            ActivityStopped = activity => seen.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(activities);
        using var diagnostics = DiagnosticListener.AllListeners.Subscribe(new DiagnosticRecorder(seen));
        using var turnSource = new ActivitySource(nameof(ConnectorHttpClientTests));

        // Inside a parent activity, as a send runs inside the incoming request's.
        using (turnSource.StartActivity("turn"))
        {
            await Connector(services).SendToConversationAsync(Activity(connector), CancellationToken.None);
        }

        Assert.Single(connector.Requests);
        Assert.DoesNotContain(seen, item => item.Contains(_conversationMarker, StringComparison.Ordinal));
    }

    private static ServiceProvider Services(CapturingLoggerProvider logs)
    {
        var services = new ServiceCollection();
        // No category filters, unlike appsettings.json: what the handlers would log at the lowest level an operator can set.
        services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        services.AddBotFramework();
        return services.BuildServiceProvider();
    }

    private static IConnectorClient Connector(IServiceProvider services) => services.GetRequiredService<IConnectorClient>();

    private Activity Activity(LoopbackHttpServer connector) => new()
    {
        Type = ActivityTypes.Message,
        Text = "hallo",
        ServiceUrl = connector.BaseAddress.AbsoluteUri,
        Conversation = new ConversationAccount { Id = $"19:{_conversationMarker}@thread.v2" },
    };

    private static string Describe(TraceActivity activity) =>
        $"{activity.Source.Name} {activity.OperationName} {activity.DisplayName} "
        + string.Join(" ", activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"))
        + " " + string.Join(" ", activity.Baggage.Select(item => $"{item.Key}={item.Value}"));

    private sealed class DiagnosticRecorder(ConcurrentQueue<string> seen) :
        IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(DiagnosticListener value) => value.Subscribe(this);

        public void OnNext(KeyValuePair<string, object?> value) => seen.Enqueue($"{value.Key} {value.Value}");

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

using System.Net;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.Schema;
using Activity = GuidanceBot.BotFramework.Schema.Activity;
using GuidanceBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.BotFramework.Tests.Connector;

/// <summary>
/// The connector's HttpClient as <see cref="BotFrameworkServiceCollectionExtensions.AddBotFramework"/> registers
/// it, against a real loopback server: what it does with redirects.
/// </summary>
public sealed class ConnectorHttpClientTests
{
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
}

using GuidanceBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.IntegrationTests.EndToEnd;

/// <summary>
/// The real host, with nothing replaced, on a free loopback port where the Agents Playground can call it, in
/// local anonymous mode. Its outbound connector calls go to the playground's mocked Bot Connector.
/// </summary>
/// <remarks>
/// In-process (.NET 10's <c>UseKestrel(0)</c> + <c>StartServer()</c>) rather than the built host started as a
/// process: it starts in about a second from the test's own build output (no second build, no guessing the
/// configuration folder), the OS picks a free port, it dies with the test run so it can never be left
/// behind, its logs go to the failing test's output, and tests can still swap a service (storage, a clock)
/// the way the other integration tests do. The HTTP pipeline, Kestrel and the outbound HttpClient are the
/// real ones either way.
/// </remarks>
public sealed class PlaygroundBotFactory : WebApplicationFactory<Program>
{
    private readonly ILoggerProvider _log;

    public PlaygroundBotFactory(ILoggerProvider log)
    {
        _log = log;
        UseKestrel(0);
    }

    /// <summary>The bot's <c>/api/messages</c> on its real port; set by <see cref="Start"/>.</summary>
    public Uri MessagesEndpoint { get; private set; } = new("http://127.0.0.1:0/api/messages");

    /// <summary>Builds and starts the host; returns once Kestrel listens.</summary>
    public void Start()
    {
        StartServer();
        MessagesEndpoint = new Uri(ClientOptions.BaseAddress, "/api/messages");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Added last, so it wins over appsettings.json and environment variables: anonymous mode even when a
        // developer's environment has an app id (the playground sends no token).
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Knowledge:Path"] = RepoPaths.Knowledge,
            ["MicrosoftAppId"] = string.Empty,
            // Flow state in memory: an end-to-end run must leave no state file in the checkout.
            ["Storage:Provider"] = "Memory",
            // Scripted conversations post faster than a person; the rate limits have tests of their own.
            ["BotFramework:RateLimits:ConversationPermits"] = "100000",
        }));
        // Only into the captured log: shown when a test fails, instead of console noise on every run.
        builder.ConfigureLogging(logging => logging.ClearProviders().AddProvider(_log));
    }
}

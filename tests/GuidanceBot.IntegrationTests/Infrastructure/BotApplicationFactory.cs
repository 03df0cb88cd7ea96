using System.Collections.Concurrent;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GuidanceBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real host in memory, with the outside world replaced: the Bot Connector, the OpenID metadata
/// endpoint and the token endpoint are <see cref="StubHttpHandler"/>s, time is a test clock.
/// </summary>
public sealed class BotApplicationFactory : WebApplicationFactory<Program>
{
    public Dictionary<string, string?> Settings { get; } = new()
    {
        ["Knowledge:Path"] = RepoPaths.Knowledge,
        // State in memory unless a test points Storage at a SQLite folder of its own.
        ["Storage:Provider"] = "Memory",
        // Typing indicators and timeouts far beyond the test clock's horizon never fire.
        ["BotFramework:Adapter:TypingDelay"] = "01:00:00",
        ["BotFramework:Adapter:TurnTimeout"] = "01:00:00",
        // Start-up requires the turn timeout below the shutdown timeout; the test server has no requests to drain.
        ["Host:ShutdownTimeout"] = "01:00:10",
        ["BotFramework:Connector:AttemptTimeout"] = "01:00:00",
        ["Storage:ReadinessTimeout"] = "01:00:00",
        // Wall-clock HttpClient timeouts of the metadata and token endpoints (stubs in memory): a busy machine must never
        // run into them; the tests of a hanging endpoint set their own.
        ["BotFramework:MetadataTimeout"] = "01:00:00",
        ["BotFramework:TokenTimeout"] = "01:00:00",
        ["MessageExtension:LastSummaryTimeout"] = "01:00:00",
        // Tests post many turns into one conversation within seconds; the rate limit tests set their own limits.
        ["BotFramework:RateLimits:ConversationPermits"] = "100000",
        // Every category from Trace, the framework's too (appsettings.json quiets two of them by name), so that
        // what an operator sees after raising a level is scanned for leaks as well, not only what ships.
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    };

    public StubHttpHandler Connector { get; set; } =
        new(_ => StubHttpHandler.Json("""{"id":"reply-1"}"""));

    public HttpMessageHandler? Metadata { get; set; }

    public HttpMessageHandler? TokenEndpoint { get; set; }

    public ImmediateTimeProvider Time { get; } = new(TimeSpan.FromMinutes(30));

    public Action<IServiceCollection>? ConfigureServices { get; set; }

    /// <summary>
    /// How long the factory waits between receiving the built host and starting it. Program.cs starts the host on
    /// its own thread meanwhile; a wait makes a test see what happens when that thread is first (as on a busy CI machine).
    /// </summary>
    public TimeSpan DelayBeforeStart { get; set; }

    /// <summary>Every log line the host wrote.</summary>
    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>What users typed and which tokens were sent; none of it may appear in <see cref="Logs"/>.</summary>
    public ConcurrentBag<string> Sensitive { get; } = [];

    /// <summary>
    /// Hides the base method on purpose: every client posts through a <see cref="SensitiveTextRecorder"/>,
    /// so every integration test doubles as a check that no user text or token is logged.
    /// </summary>
    public new HttpClient CreateClient() =>
        CreateDefaultClient(new Uri("http://localhost"), new SensitiveTextRecorder(Sensitive));

    /// <summary>Keeps state in <paramref name="container"/> of the Azure Blob Storage (Azurite) at <paramref name="connectionString"/>.</summary>
    public BotApplicationFactory UseAzureBlob(string connectionString, string container)
    {
        Settings["Storage:Provider"] = "AzureBlob";
        Settings["Storage:ConnectionString"] = connectionString;
        Settings["Storage:Container"] = container;
        return this;
    }

    /// <summary>Fails when a log line contains anything a user typed, any token or the app password.</summary>
    public void AssertNoSensitiveTextLogged()
    {
        if (Settings.TryGetValue("MicrosoftAppPassword", out var password) && password is { Length: > 0 })
        {
            Sensitive.Add(password);
        }

        var forms = Sensitive.Distinct(StringComparer.Ordinal).SelectMany(LeakForms).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var leaks = Logs.Lines
            .SelectMany(line => forms.Where(form => line.Contains(form, StringComparison.OrdinalIgnoreCase)).Select(form => (line, secret: form)))
            .ToList();
        Assert.True(leaks.Count == 0, "Logged user text or token:\n" + string.Join("\n", leaks.Take(5).Select(l => $"'{l.secret}' in: {l.line}")));
    }

    /// <summary>
    /// How a secret may show up in a line: as it is in any letter case, URL-escaped (ids in the connector's
    /// request paths), and cut short (a log that truncates long values keeps their start).
    /// </summary>
    private static IEnumerable<string> LeakForms(string secret)
    {
        const int PrefixLength = 24;
        yield return secret;
        yield return Uri.EscapeDataString(secret);
        if (secret.Length > PrefixLength)
        {
            yield return secret[..PrefixLength];
        }

        // A Teams id without its kind ("19:", "29:", "a:"): the part that identifies the chat or the person.
        if (secret.IndexOf(':', StringComparison.Ordinal) is > 0 and <= 3 and var colon && secret.Length - colon - 1 >= 8)
        {
            yield return secret[(colon + 1)..];
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AssertNoSensitiveTextLogged();
        }

        base.Dispose(disposing);
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = builder.Build();
        if (DelayBeforeStart > TimeSpan.Zero)
        {
            Thread.Sleep(DelayBeforeStart);
        }

        host.Start();
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            UseHandler(services, ConnectorClient.HttpClientName, new OutboundTokenRecorder(Sensitive) { InnerHandler = Connector });
            if (Metadata is not null)
            {
                UseHandler(services, BotTokenValidator.MetadataHttpClientName, Metadata);
            }

            if (TokenEndpoint is not null)
            {
                UseHandler(services, MsalAccessTokenProvider.HttpClientName, TokenEndpoint);
            }

            ConfigureServices?.Invoke(services);
        });
    }

    private static void UseHandler(IServiceCollection services, string clientName, HttpMessageHandler handler) =>
        services.AddHttpClient(clientName)
            .ConfigurePrimaryHttpMessageHandler(() => handler)
            // The stub is shared by the test: the factory must never dispose it while rotating handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
}

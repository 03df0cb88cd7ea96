using System.Globalization;
using System.Threading.RateLimiting;
using GuidanceBot.BotFramework;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance;
using GuidanceBot.Guidance.Sharing;
using GuidanceBot.Knowledge;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Hosting;

/// <summary>Composes the layers into the web host (STYLE.md §9: Program.cs stays about ten lines).</summary>
public static class HostingExtensions
{
    private const string GlobalRateLimitPolicy = "bot-global";

    // Time left after a timed-out turn and its apology for writing the HTTP response before the host stops.
    private static readonly TimeSpan ResponseMargin = TimeSpan.FromSeconds(1);

    /// <summary>Binds and validates options, and registers the four layers.</summary>
    public static WebApplicationBuilder AddGuidanceBot(this WebApplicationBuilder builder)
    {
        AddRepositorySettings(builder);

        var configuration = builder.Configuration;
        builder.Services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration)
            .Bind(configuration.GetSection("BotFramework"))
            .ValidateOnStart();
        // Through a validator rather than .Validate(predicate, message): the start-up error then names each problem.
        builder.Services.AddSingleton<IValidateOptions<BotAuthenticationOptions>>(
            new SettingsProblemsValidator<BotAuthenticationOptions>(authentication =>
                authentication.Validate().Select(problem => $"Invalid Bot Framework settings: {problem}")));
        builder.Services.AddOptions<AdapterOptions>().Bind(configuration.GetSection("BotFramework:Adapter")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AdapterOptions>>(provider =>
            new SettingsProblemsValidator<AdapterOptions>(adapter =>
                AdapterProblems(adapter, provider.GetRequiredService<IOptions<HostOptions>>().Value)));
        builder.Services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection("BotFramework:Connector")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ConnectorOptions>>(
            new SettingsProblemsValidator<ConnectorOptions>(connector => connector.Validate()));
        builder.Services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection("BotFramework:RateLimits"))
            .Validate(o => o.IsValid, "BotFramework:RateLimits: every permit count and window must be positive.")
            .ValidateOnStart();
        AddGlobalRateLimit(builder.Services);

        // In-flight turns finish (and save state) when the host stops: Kestrel waits this long for open requests.
        builder.Services.Configure<HostOptions>(configuration.GetSection("Host"));

        builder.Services.AddOptions<KnowledgeOptions>()
            .Bind(configuration.GetSection("Knowledge"))
            // Relative paths are relative to the content root (the repository root under `dotnet run`).
            .PostConfigure(o => o.Path = Path.GetFullPath(o.Path, builder.Environment.ContentRootPath));

        builder.Services.AddBotStorage().Bind(configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddOptions<BotStateOptions>().Bind(configuration.GetSection(BotStateOptions.SectionName));
        builder.Services.AddOptions<SearchExtensionOptions>().Bind(configuration.GetSection(SearchExtensionOptions.SectionName));

        builder.Services.AddBotFramework();
        builder.Services.AddKnowledge();
        builder.Services.AddGuidance();
        builder.Services.AddHostedService<StartupReport>();
        return builder;
    }

    /// <summary>
    /// Runs the checks of every <c>ValidateOnStart</c> setting now, before <c>Run</c>, so a wrong setting fails with its
    /// name. The host runs them again when it starts (cheap: options are cached). Why before: a failure inside
    /// <c>Run</c> disposes the host, and a test host (WebApplicationFactory) that had not yet read its services then
    /// reports ObjectDisposedException instead of the setting's error.
    /// </summary>
    public static WebApplication CheckSettings(this WebApplication app)
    {
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        return app;
    }

    /// <summary>
    /// Maps <c>POST /api/messages</c>, <c>GET /healthz</c> (liveness: the process answers) and <c>GET /readyz</c>
    /// (readiness: 503 while the state store or its key ring cannot be reached, so a load balancer sends turns elsewhere).
    /// </summary>
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapPost("/api/messages", (HttpContext context, CloudAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(context, bot, context.RequestAborted))
            .RequireRateLimiting(GlobalRateLimitPolicy);
        // Routing alone answers these with an empty 405; say what is accepted instead (PROTOCOL.md §1.1).
        app.MapMethods("/api/messages", ["GET", "PUT", "DELETE", "PATCH"], (HttpContext context) =>
        {
            context.Response.Headers.Allow = "POST";
            return Results.Text("Only POST is accepted on /api/messages.", statusCode: StatusCodes.Status405MethodNotAllowed);
        });
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(StorageHealthCheck.ReadinessTag),
        });
        return app;
    }

    /// <summary>
    /// The adapter's own problems, and a turn timeout that would not let an in-flight turn finish when the host
    /// stops: a turn that runs out of time still sends its apology (up to <see cref="CloudAdapter.ApologyTimeout"/>)
    /// and writes its response, for which a second is left.
    /// </summary>
    private static List<string> AdapterProblems(AdapterOptions adapter, HostOptions host)
    {
        var problems = adapter.Validate().ToList();
        var longestTurn = adapter.TurnTimeout + CloudAdapter.ApologyTimeout + ResponseMargin;
        if (longestTurn > host.ShutdownTimeout)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"BotFramework:Adapter:TurnTimeout plus {CloudAdapter.ApologyTimeout.TotalSeconds:0} s for the apology and {ResponseMargin.TotalSeconds:0} s for the response must fit in Host:ShutdownTimeout, so that in-flight turns finish when the host stops."));
        }

        return problems;
    }

    /// <summary>
    /// The instance-wide limit on <c>/api/messages</c> (<see cref="RateLimitOptions"/>): 429 with <c>Retry-After</c>,
    /// which the Bot Service honours and retries. Health probes are not limited. The per-conversation limit
    /// needs the conversation id from the body and lives in the adapter (<see cref="ConversationRateLimiter"/>).
    /// </summary>
    private static void AddGlobalRateLimit(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        // From the bound options, not read at composition time: test and platform overrides apply as everywhere else.
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, bound) =>
        {
            var limits = bound.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddFixedWindowLimiter(GlobalRateLimitPolicy, window =>
            {
                window.PermitLimit = limits.GlobalPermits;
                window.Window = limits.GlobalWindow;
                window.QueueLimit = 0;
                window.AutoReplenishment = true;
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : limits.GlobalWindow;
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var response = context.HttpContext.Response;
                response.Headers.RetryAfter = seconds;
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync($"Too many requests to this bot; try again after {seconds} s.", cancellationToken).ConfigureAwait(false);
            };
        });
    }

    // appsettings.json lives at the repository root, which is the content root for
    // `dotnet run --project src/GuidanceBot` from there. Started from elsewhere (tests, a published
    // folder), the copy next to the binaries is used instead.
    private static void AddRepositorySettings(WebApplicationBuilder builder)
    {
        if (File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            return;
        }

        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(besideBinaries))
        {
            // Lowest precedence: environment variables, the command line and test overrides still win.
            builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = true,
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
    }
}

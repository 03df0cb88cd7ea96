using GuidanceBot.BotFramework;
using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Connector;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance;
using GuidanceBot.Knowledge;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace GuidanceBot.Hosting;

/// <summary>Composes the layers into the web host (STYLE.md §9: Program.cs stays about ten lines).</summary>
public static class HostingExtensions
{
    /// <summary>Binds and validates options, and registers the four layers.</summary>
    public static WebApplicationBuilder AddGuidanceBot(this WebApplicationBuilder builder)
    {
        AddRepositorySettings(builder);

        var configuration = builder.Configuration;
        builder.Services.AddOptions<BotAuthenticationOptions>()
            .Bind(configuration)
            .Bind(configuration.GetSection("BotFramework"))
            .Validate(o => o.Validate().Count == 0, "Invalid Bot Framework credentials: see the start-up log.")
            .ValidateOnStart();
        builder.Services.AddOptions<AdapterOptions>().Bind(configuration.GetSection("BotFramework:Adapter"))
            .Validate(o => o.MaxTurnAttempts >= 1 && o.TurnRetryDelay >= TimeSpan.Zero,
                "BotFramework:Adapter:MaxTurnAttempts must be at least 1 and TurnRetryDelay not negative.")
            .ValidateOnStart();
        builder.Services.AddOptions<ConnectorOptions>().Bind(configuration.GetSection("BotFramework:Connector"));

        builder.Services.AddOptions<KnowledgeOptions>()
            .Bind(configuration.GetSection("Knowledge"))
            // Relative paths are relative to the content root (the repository root under `dotnet run`).
            .PostConfigure(o => o.Path = Path.GetFullPath(o.Path, builder.Environment.ContentRootPath));

        builder.Services.AddBotStorage().Bind(configuration.GetSection(StorageOptions.SectionName));
        builder.Services.AddOptions<BotStateOptions>().Bind(configuration.GetSection(BotStateOptions.SectionName));

        builder.Services.AddBotFramework();
        builder.Services.AddKnowledge();
        builder.Services.AddGuidance();
        builder.Services.AddHostedService<StartupReport>();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /api/messages</c>, <c>GET /healthz</c> (liveness: the process answers) and <c>GET /readyz</c>
    /// (readiness: 503 while the state store cannot be reached, so a load balancer sends turns elsewhere).
    /// </summary>
    public static WebApplication MapBotEndpoints(this WebApplication app)
    {
        app.MapPost("/api/messages", (HttpContext context, CloudAdapter adapter, IBot bot) =>
            adapter.ProcessAsync(context, bot, context.RequestAborted));
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(StorageHealthCheck.ReadinessTag),
        });
        return app;
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

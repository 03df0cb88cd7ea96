namespace GuidanceBot.LoadTest;

/// <summary>
/// The ceiling for any HTTP bot on this machine: Kestrel reading a ~1 KB activity and answering a fixed
/// ~1 KB body, with nothing else. The bot's cost is reported relative to this.
/// </summary>
internal static class BareEndpoint
{
    public static readonly string FixedReply = "{\"activities\":[{\"type\":\"message\",\"text\":\"" + new string('x', 980) + "\"}]}";

    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        Map(app);
        await app.RunAsync();
    }

    /// <summary>The endpoint's routes (also used by the in-process run).</summary>
    public static void Map(WebApplication app)
    {
        app.MapGet("/healthz", () => "ok");
        app.MapPost("/api/messages", async (HttpContext context) =>
        {
            // Read the whole activity, as any bot must, then answer the fixed body.
            var buffer = new byte[4096];
            while (await context.Request.Body.ReadAsync(buffer) > 0)
            {
            }

            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(FixedReply);
        });
    }
}

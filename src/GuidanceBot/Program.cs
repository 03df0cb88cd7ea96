using GuidanceBot.Cli;
using GuidanceBot.Hosting;

if (await CliVerbs.TryRunAsync(args) is { } exitCode)
{
    return exitCode;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGuidanceBot();
var app = builder.Build().CheckSettings();
app.MapBotEndpoints();
app.Run();
return 0;

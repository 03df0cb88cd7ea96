using GuidanceBot.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGuidanceBot();
var app = builder.Build();
app.MapBotEndpoints();
app.Run();

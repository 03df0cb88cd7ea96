using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>When the host stops, in-flight turns get time to finish and save their state.</summary>
public sealed class ShutdownTests : IDisposable
{
    private readonly BotApplicationFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public void ShutdownTimeout_FromSettings_OutlastsTheTurnTimeout()
    {
        // The shipped values, not the factory's lengthened ones.
        _factory.Settings.Remove("Host:ShutdownTimeout");
        _factory.Settings.Remove("BotFramework:Adapter:TurnTimeout");
        var host = _factory.Services.GetRequiredService<IOptions<HostOptions>>().Value;
        var adapter = _factory.Services.GetRequiredService<IOptions<AdapterOptions>>().Value;

        Assert.Equal(TimeSpan.FromSeconds(30), host.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), adapter.TurnTimeout);
        Assert.True(
            adapter.TurnTimeout + CloudAdapter.ApologyTimeout < host.ShutdownTimeout,
            "A turn that runs its full time, and then apologizes, still finishes before the host stops.");
    }
}

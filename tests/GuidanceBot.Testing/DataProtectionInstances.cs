using System.Reflection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Testing;

/// <summary>
/// Puts an instance's Data Protection (its service provider) into the states in which two instances on one key ring
/// disagree about the keys: one added a key after the other had cached the ring.
/// </summary>
public static class DataProtectionInstances
{
    /// <summary>
    /// Adds a key to the shared ring, activated 30 seconds after the newest key there: a ring that holds both encrypts
    /// with it (observed with .NET 10's resolver), as after two instances each created a first key at the same moment.
    /// Loads nothing into <paramref name="instance"/>'s cache itself.
    /// </summary>
    public static void AddNewerKey(IServiceProvider instance)
    {
        var keys = instance.GetRequiredService<IKeyManager>();
        var activation = keys.GetAllKeys().Max(k => k.ActivationDate).AddSeconds(30);
        keys.CreateNewKey(activation, activation.AddDays(90));
    }

    /// <summary>
    /// Data Protection reloads its ring for a key it does not know only within two minutes of creating its ring
    /// provider (KeyRingProvider.AutoRefreshWindowEnd, internal; aspnetcore#3975). This moves that end into the past,
    /// as for an instance that has run longer: without it a test would wait two minutes.
    /// </summary>
    public static void PastStartupRefreshWindow(IServiceProvider instance)
    {
        var ringProvider = instance.GetRequiredService<IKeyRingProvider>();
        var windowEnd = ringProvider.GetType().GetProperty("AutoRefreshWindowEnd", BindingFlags.Instance | BindingFlags.NonPublic);
        Assert.NotNull(windowEnd);
        windowEnd.SetValue(ringProvider, DateTime.MinValue);
    }
}

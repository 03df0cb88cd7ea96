using GuidanceBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>Wrong settings stop the host at start-up, with an error that says which setting is wrong.</summary>
public sealed class StartupSettingsTests
{
    [Fact]
    public void InvalidBotFrameworkSettings_FailStartUp_NamingEveryProblem_ButNoValue()
    {
        using var factory = new BotApplicationFactory();
        factory.Settings["MicrosoftAppType"] = "SingleTenant";
        factory.Settings["MicrosoftAppId"] = "not-a-guid";
        factory.Settings["MicrosoftAppPassword"] = "a-secret-value";
        factory.Settings["BotFramework:MetadataTimeout"] = "00:00:00";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Invalid Bot Framework settings: MicrosoftAppId must be a GUID.", error.Failures);
        Assert.Contains("Invalid Bot Framework settings: MicrosoftAppTenantId is required for SingleTenant.", error.Failures);
        Assert.Contains("Invalid Bot Framework settings: BotFramework:MetadataTimeout must be positive and at most 24 hours.", error.Failures);
        Assert.DoesNotContain("a-secret-value", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-guid", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each of these used to start, and then failed every request (500 for a negative turn timeout or typing
    /// delay, 413 for a body limit of 0, a lost reply for an attempt timeout of 0) or broke a promise quietly
    /// (a turn timeout beyond the shutdown timeout does not let in-flight turns finish).
    /// </summary>
    [Theory]
    [InlineData("BotFramework:Adapter:MaxRequestBodyBytes", "0", "BotFramework:Adapter:MaxRequestBodyBytes")]
    [InlineData("BotFramework:Adapter:MaxTextLength", "-1", "BotFramework:Adapter:MaxTextLength")]
    [InlineData("BotFramework:Adapter:MaxAttachments", "-1", "BotFramework:Adapter:MaxAttachments")]
    [InlineData("BotFramework:Adapter:TypingDelay", "-00:00:02", "BotFramework:Adapter:TypingDelay")]
    [InlineData("BotFramework:Adapter:TypingInterval", "00:00:00", "BotFramework:Adapter:TypingInterval")]
    [InlineData("BotFramework:Adapter:TurnTimeout", "-00:00:02", "BotFramework:Adapter:TurnTimeout")]
    [InlineData("BotFramework:Adapter:TurnTimeout", "02:00:00", "must fit in Host:ShutdownTimeout")]
    // Below the factory's shutdown timeout (01:00:10), but not with the apology's 5 s and the response's 1 s on top.
    [InlineData("BotFramework:Adapter:TurnTimeout", "01:00:05", "must fit in Host:ShutdownTimeout")]
    [InlineData("BotFramework:Adapter:TurnRetryDelay", "-00:00:01", "BotFramework:Adapter:TurnRetryDelay")]
    [InlineData("BotFramework:Adapter:MaxTurnAttempts", "0", "BotFramework:Adapter:MaxTurnAttempts")]
    [InlineData("BotFramework:Connector:AttemptTimeout", "00:00:00", "BotFramework:Connector:AttemptTimeout")]
    [InlineData("BotFramework:Connector:AttemptTimeout", "-00:00:02", "BotFramework:Connector:AttemptTimeout")]
    [InlineData("BotFramework:Connector:MaxRetries", "-1", "BotFramework:Connector:MaxRetries")]
    [InlineData("BotFramework:Connector:BaseDelay", "-00:00:01", "BotFramework:Connector:BaseDelay")]
    [InlineData("BotFramework:Connector:MaxDelay", "00:00:00", "BotFramework:Connector:MaxDelay")]
    [InlineData("BotFramework:Connector:BaseDelay", "00:00:30", "BotFramework:Connector:MaxDelay")]
    [InlineData("BotFramework:Connector:BreakerFailureThreshold", "0", "BotFramework:Connector:BreakerFailureThreshold")]
    [InlineData("BotFramework:Connector:BreakDuration", "00:00:00", "BotFramework:Connector:BreakDuration")]
    [InlineData("Storage:RequestTimeout", "30.00:00:00", "Storage:RequestTimeout")]
    [InlineData("Storage:ReadinessTimeout", "60.00:00:00", "Storage:ReadinessTimeout")]
    [InlineData("MessageExtension:LastSummaryTimeout", "00:00:00", "MessageExtension:LastSummaryTimeout")]
    [InlineData("State:ConversationIdleTimeout", "00:00:00", "State:ConversationIdleTimeout")]
    [InlineData("State:ConversationIdleTimeout", "3000000.00:00:00", "State:ConversationIdleTimeout")]
    [InlineData("State:UserIdleTimeout", "366.00:00:00", "State:UserIdleTimeout")]
    public void UnusableSetting_FailsStartUp_NamingTheSetting(string key, string value, string named)
    {
        using var factory = new BotApplicationFactory();
        factory.Settings[key] = value;

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(error.Failures, failure => failure.Contains(named, StringComparison.Ordinal));
    }

    /// <summary>
    /// On a busy machine Program.cs may fail the start and dispose the host before the factory reads the host's
    /// services; CI then saw ObjectDisposedException instead of the setting's name. The settings are checked before
    /// the host runs, so the host is never disposed under the factory and the error is always the setting's.
    /// </summary>
    [Fact]
    public void UnusableSetting_WhenProgramIsFasterThanTheFactory_StillFailsNamingTheSetting()
    {
        using var factory = new BotApplicationFactory { DelayBeforeStart = TimeSpan.FromSeconds(1) };
        factory.Settings["Storage:ReadinessTimeout"] = "60.00:00:00";

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains(error.Failures, failure => failure.Contains("Storage:ReadinessTimeout", StringComparison.Ordinal));
    }

    [Fact]
    public void ShippedSettings_StartUp()
    {
        // The defaults in code and in appsettings.json pass the same checks (the factory only lengthens timeouts).
        using var factory = new BotApplicationFactory();
        foreach (var key in factory.Settings.Keys.Where(k => k.StartsWith("BotFramework:", StringComparison.Ordinal) || k.StartsWith("Host:", StringComparison.Ordinal)).ToList())
        {
            factory.Settings.Remove(key);
        }

        using var client = factory.CreateClient();
    }
}

using GuidanceBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Options;

namespace GuidanceBot.IntegrationTests.Hosting;

/// <summary>Wrong Bot Framework settings stop the host at start-up, with an error that says which setting is wrong.</summary>
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
}

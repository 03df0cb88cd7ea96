using GuidanceBot.BotFramework.Auth;

namespace GuidanceBot.BotFramework.Tests.Auth;

public sealed class BotAuthenticationOptionsTests
{
    [Fact]
    public void SingleTenantWithDefaults_HasNoProblems() =>
        Assert.Empty(SingleTenant().Validate());

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("1.00:00:01")]
    public void MetadataTimeoutThatHttpClientWouldRefuseOrThatOutlastsEveryRequest_IsAProblem(string timeout)
    {
        var options = SingleTenant();
        options.MetadataTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("BotFramework:MetadataTimeout must be positive and at most 24 hours.", options.Validate());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("30.00:00:00")]
    public void TokenTimeoutOutOfRange_IsAProblem(string timeout)
    {
        var options = SingleTenant();
        options.TokenTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Contains("BotFramework:TokenTimeout must be positive and at most 24 hours.", options.Validate());
    }

    [Fact]
    public void AnonymousMode_DoesNotUseTheTimeouts_AndHasNoProblems()
    {
        var options = new BotAuthenticationOptions { MetadataTimeout = TimeSpan.Zero, TokenTimeout = TimeSpan.Zero };

        Assert.Empty(options.Validate());
    }

    private static BotAuthenticationOptions SingleTenant() => new()
    {
        MicrosoftAppType = BotAuthenticationOptions.SingleTenant,
        MicrosoftAppId = "6f1c1f0e-0000-4000-8000-0000000000a1",
        MicrosoftAppPassword = "secret",
        MicrosoftAppTenantId = "6f1c1f0e-0000-4000-8000-0000000000b2",
    };
}

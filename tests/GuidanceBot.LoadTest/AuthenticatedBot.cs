using System.Net.Http.Headers;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.Testing;

namespace GuidanceBot.LoadTest;

/// <summary>
/// The bot as it runs in production, where every request carries a Bot Service token that it checks: the RS256
/// signature, issuer, audience, lifetime, the key's channel endorsement and the <c>serviceurl</c> claim. Without
/// this the bot runs in local anonymous mode and checks nothing. Only in process: the signing keys come from a
/// local stand-in issuer through the metadata HttpClient's handler, where the published bot would fetch them over
/// HTTPS, which this generator does not serve.
/// </summary>
internal sealed class AuthenticatedBot : IDisposable
{
    private const string AppId = "6f1c1f0e-0000-4000-8000-00000000a0ad";
    private const string TenantId = "6f1c1f0e-0000-4000-8000-00000000b0ad";

    private readonly TestTokenIssuer _issuer = new("msteams");
    private readonly StubHttpHandler _metadata;

    public AuthenticatedBot()
    {
        _metadata = _issuer.MetadataHandler();
        // One token for every request, as the Bot Service reuses its token for about an hour.
        Authorization = new AuthenticationHeaderValue("Bearer", _issuer.CreateToken(AppId, Scenarios.ServiceUrl));
    }

    public AuthenticationHeaderValue Authorization { get; }

    public static IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("MicrosoftAppType", "SingleTenant"),
        new("MicrosoftAppId", AppId),
        // Never used: with expectReplies the bot sends nothing to the connector, so it asks for no outbound token.
        new("MicrosoftAppPassword", "load-test-secret"),
        new("MicrosoftAppTenantId", TenantId),
        new("BotFramework:BotOpenIdMetadataUrl", TestTokenIssuer.MetadataUrl),
    ];

    public void ServeSigningKeys(IServiceCollection services) =>
        services.AddHttpClient(BotTokenValidator.MetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => _metadata)
            // Shared with this object: the factory must not dispose it while rotating handlers.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _metadata.Dispose();
        _issuer.Dispose();
    }
}

namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// The Bot Framework configuration keys (<c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>,
/// <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, read from the configuration root as Azure
/// Bot Service documents them) plus the endpoints, which are settings so tests can point them at a
/// local issuer (section <c>BotFramework</c>).
/// </summary>
public sealed class BotAuthenticationOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    /// <summary>The Bot Service's token issuer (PROTOCOL.md §3.1).</summary>
    public const string BotServiceIssuer = "https://api.botframework.com";

    /// <summary>Tenant that issues the bot's tokens in MultiTenant mode (the SDK's DefaultChannelAuthTenant).</summary>
    public const string BotFrameworkTenant = "botframework.com";

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Service (its JWKS carries the channel endorsements).</summary>
    public string BotOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>OpenID metadata for Entra-issued tokens (Emulator and agent-to-agent traffic).</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>Authority host for outbound client-credentials tokens.</summary>
    public string LoginEndpoint { get; set; } = "https://login.microsoftonline.com";

    /// <summary>Scope of outbound tokens.</summary>
    public string OutboundScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// Longest wait for the OpenID metadata and signing keys that inbound tokens are checked against: the
    /// HttpClient timeout of the fetch, and how long a request waits for a fetch already under way. IdentityModel
    /// runs that fetch without the request's cancellation, so without this a metadata endpoint that does not answer
    /// held every first request for HttpClient's default 100 s. Well inside the Bot Service's 10–15 s per request.
    /// </summary>
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Longest wait for one HTTP request to the outbound token endpoint (or the managed identity endpoint); MSAL
    /// retries once after a timeout. The connector bounds the whole token fetch by its attempt timeout as well;
    /// this one ends a request that nothing else is waiting for, instead of HttpClient's default 100 s.
    /// </summary>
    public TimeSpan TokenTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Extra serviceUrl hosts accepted in anonymous mode besides loopback. Empty by default: without an
    /// app id nobody is authenticated, so the bot must not be made to POST to arbitrary addresses.
    /// </summary>
    public IList<string> AnonymousAllowedServiceHosts { get; } = [];

    /// <summary>No app id configured: the explicit local anonymous mode.</summary>
    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The app type, normalised: empty or unknown values mean MultiTenant, as in the SDK.</summary>
    public string EffectiveAppType =>
        MicrosoftAppType?.Trim() switch
        {
            { } t when t.Equals(SingleTenant, StringComparison.OrdinalIgnoreCase) => SingleTenant,
            { } t when t.Equals(UserAssignedMsi, StringComparison.OrdinalIgnoreCase) => UserAssignedMsi,
            _ => MultiTenant,
        };

    /// <summary>The tenant outbound tokens are requested from.</summary>
    public string TokenTenant =>
        EffectiveAppType == MultiTenant ? BotFrameworkTenant : MicrosoftAppTenantId ?? BotFrameworkTenant;

    /// <summary>Checks that the settings needed by <see cref="EffectiveAppType"/> are present; returns the problems.</summary>
    public IReadOnlyList<string> Validate()
    {
        if (IsAnonymous)
        {
            return [];
        }

        var problems = new List<string>();
        if (!SettingRules.IsUsableDuration(MetadataTimeout))
        {
            problems.Add("BotFramework:MetadataTimeout must be positive and at most 24 hours.");
        }

        if (!SettingRules.IsUsableDuration(TokenTimeout))
        {
            problems.Add("BotFramework:TokenTimeout must be positive and at most 24 hours.");
        }

        if (!Guid.TryParse(MicrosoftAppId, out _))
        {
            problems.Add("MicrosoftAppId must be a GUID.");
        }

        switch (EffectiveAppType)
        {
            case MultiTenant when string.IsNullOrWhiteSpace(MicrosoftAppPassword):
                problems.Add("MicrosoftAppPassword is required for MultiTenant.");
                break;
            case SingleTenant:
                if (string.IsNullOrWhiteSpace(MicrosoftAppPassword))
                {
                    problems.Add("MicrosoftAppPassword is required for SingleTenant.");
                }

                if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                {
                    problems.Add("MicrosoftAppTenantId is required for SingleTenant.");
                }

                break;
            case UserAssignedMsi:
                if (string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
                {
                    problems.Add("MicrosoftAppTenantId is required for UserAssignedMSI.");
                }

                if (!string.IsNullOrWhiteSpace(MicrosoftAppPassword))
                {
                    problems.Add("MicrosoftAppPassword must be empty for UserAssignedMSI.");
                }

                break;
        }

        return problems;
    }
}

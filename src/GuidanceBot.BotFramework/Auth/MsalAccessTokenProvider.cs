using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// Outbound client-credentials tokens through MSAL (PROTOCOL.md §3.2): one long-lived confidential
/// client (or managed identity), whose token cache serves the token until shortly before it expires.
/// Thread-safe.
/// </summary>
public sealed class MsalAccessTokenProvider : IAccessTokenProvider
{
    /// <summary>Name of the HttpClient MSAL uses, so tests can route it to a local token endpoint.</summary>
    public const string HttpClientName = "BotFramework.Msal";

    private readonly BotAuthenticationOptions _options;
    private readonly IConfidentialClientApplication? _confidentialClient;
    private readonly IManagedIdentityApplication? _managedIdentity;

    public MsalAccessTokenProvider(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory)
    {
        _options = options.Value;
        var msalHttp = new MsalHttpClientFactory(httpClientFactory);
        if (_options.EffectiveAppType == BotAuthenticationOptions.UserAssignedMsi)
        {
            _managedIdentity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId))
                .WithHttpClientFactory(msalHttp)
                .Build();
        }
        else
        {
            _confidentialClient = ConfidentialClientApplicationBuilder
                .Create(_options.MicrosoftAppId)
                .WithClientSecret(_options.MicrosoftAppPassword)
                .WithAuthority($"{_options.LoginEndpoint.TrimEnd('/')}/{_options.TokenTenant}")
                // login.microsoftonline.com is a known authority: no discovery round trip is needed.
                .WithInstanceDiscovery(false)
                .WithHttpClientFactory(msalHttp)
                .Build();
        }
    }

    public async Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (_managedIdentity is not null)
        {
            var resource = _options.OutboundScope.Replace("/.default", string.Empty, StringComparison.Ordinal);
            var msiResult = await _managedIdentity.AcquireTokenForManagedIdentity(resource)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return msiResult.AccessToken;
        }

        var result = await _confidentialClient!.AcquireTokenForClient([_options.OutboundScope])
            .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return result.AccessToken;
    }

    private sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => factory.CreateClient(HttpClientName);
    }
}

using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using GuidanceBot.BotFramework.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// Validates inbound Bot Framework tokens as PROTOCOL.md §3.1 describes: signature with a key from the
/// issuer's OpenID metadata (cached, fetched again for an unknown key: <see cref="IssuerMetadata"/>), issuer,
/// audience = our app id, lifetime with 5 minutes skew, and for Bot Service tokens the channel endorsement of the
/// signing key and the <c>serviceurl</c> claim. Without an app id it implements the local anonymous mode.
/// </summary>
public sealed class BotTokenValidator : IBotAuthenticator
{
    /// <summary>Name of the HttpClient that fetches OpenID metadata and keys.</summary>
    public const string MetadataHttpClientName = "BotFramework.OpenIdMetadata";

    // Entra tenants whose tokens the SDK accepts for Emulator and agent-to-agent traffic (PROTOCOL.md §3.1).
    private static readonly string[] EntraTenantIssuerIds =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    ];

    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationOptions _options;
    private readonly IssuerMetadata _botServiceMetadata;
    private readonly IssuerMetadata _entraMetadata;
    private readonly HashSet<string> _entraIssuers;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ValidatedTokenCache _validated;
    private readonly TimeProvider _time;

    public BotTokenValidator(
        IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory, TimeProvider timeProvider)
    {
        _options = options.Value;
        var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(MetadataHttpClientName));
        _botServiceMetadata = new(_options.BotOpenIdMetadataUrl, retriever, _options.MetadataTimeout, timeProvider);
        _entraMetadata = new(_options.EntraOpenIdMetadataUrl, retriever, _options.MetadataTimeout, timeProvider);
        _entraIssuers = EntraIssuers(_options).ToHashSet(StringComparer.Ordinal);
        _validated = new(timeProvider);
        _time = timeProvider;
    }

    public bool RequiresToken => !_options.IsAnonymous;

    public async Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken)
    {
        if (_options.IsAnonymous)
        {
            // As in the SDK: with authentication disabled only header-less requests are anonymous.
            return string.IsNullOrEmpty(authorizationHeader)
                ? BotAuthenticationResult.Anonymous
                : BotAuthenticationResult.Failed("A token was sent, but no MicrosoftAppId is configured.");
        }

        if (!TryFindBearer(authorizationHeader, out var tokenRange))
        {
            return BotAuthenticationResult.Failed("No bearer token.");
        }

        // Hashed from the header itself: a remembered token needs no copy of its ~1 KB.
        var hash = TokenHash.Of(authorizationHeader.AsSpan()[tokenRange]);
        if (_validated.Find(hash) is { } known)
        {
            var (current, _) = await known.Metadata.GetAsync(cancellationToken).ConfigureAwait(false);
            if (ReferenceEquals(current, known.Configuration))
            {
                return known.Metadata == _botServiceMetadata
                    ? CheckActivity(known.Configuration, known.SigningKeyId, known.ServiceUrlClaim, activity)
                    : BotAuthenticationResult.Authenticated;
            }

            // The metadata was refreshed since: check the token again against the keys now published.
            _validated.Remove(hash);
        }

        var token = authorizationHeader[tokenRange];
        string issuer;
        try
        {
            issuer = new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            return BotAuthenticationResult.Failed("The token is not a JWT.");
        }

        if (issuer == BotAuthenticationOptions.BotServiceIssuer)
        {
            return await ValidateBotServiceTokenAsync(token, hash, activity, cancellationToken).ConfigureAwait(false);
        }

        if (_entraIssuers.Contains(issuer))
        {
            return await ValidateEntraTokenAsync(token, hash, issuer, cancellationToken).ConfigureAwait(false);
        }

        return BotAuthenticationResult.Failed("Unknown token issuer.");
    }

    private async Task<BotAuthenticationResult> ValidateBotServiceTokenAsync(
        string token, TokenHash hash, Activity activity, CancellationToken cancellationToken)
    {
        var (result, configuration) = await ValidateSignedAsync(
            token, [BotAuthenticationOptions.BotServiceIssuer], _botServiceMetadata, cancellationToken)
            .ConfigureAwait(false);
        if (configuration is null)
        {
            return BotAuthenticationResult.Unavailable(FailureOf(result));
        }

        if (!result.IsValid)
        {
            return BotAuthenticationResult.Failed(FailureOf(result));
        }

        var signingKeyId = (result.SecurityToken as JsonWebToken)?.Kid;
        var serviceUrlClaim = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        var checkedForActivity = CheckActivity(configuration, signingKeyId, serviceUrlClaim, activity);
        if (checkedForActivity.IsAuthenticated)
        {
            Remember(hash, _botServiceMetadata, configuration, result, signingKeyId, serviceUrlClaim);
        }

        return checkedForActivity;
    }

    /// <summary>What a Bot Service token must match in each activity: its key endorsed for the channel, its serviceurl claim.</summary>
    private static BotAuthenticationResult CheckActivity(
        OpenIdConnectConfiguration configuration, string? signingKeyId, string? serviceUrlClaim, Activity activity)
    {
        if (!IsEndorsed(configuration, signingKeyId, activity.ChannelId))
        {
            return BotAuthenticationResult.Failed("The signing key is not endorsed for the activity's channel.");
        }

        if (string.IsNullOrEmpty(serviceUrlClaim)
            || !string.Equals(serviceUrlClaim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Failed("The serviceurl claim does not match the activity's serviceUrl.");
        }

        return BotAuthenticationResult.Authenticated;
    }

    private void Remember(
        TokenHash hash,
        IssuerMetadata metadata,
        OpenIdConnectConfiguration configuration,
        TokenValidationResult result,
        string? signingKeyId,
        string? serviceUrlClaim)
    {
        if (result.SecurityToken is not { ValidTo: var validTo })
        {
            return;
        }

        // Until the full check would refuse the token too: its expiry plus the clock skew that check allows.
        var acceptedUntil = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) + ClockSkew;
        _validated.Add(hash, new ValidatedToken(metadata, configuration, acceptedUntil, signingKeyId, serviceUrlClaim));
    }

    private async Task<BotAuthenticationResult> ValidateEntraTokenAsync(
        string token, TokenHash hash, string issuer, CancellationToken cancellationToken)
    {
        var (result, configuration) = await ValidateSignedAsync(token, [issuer], _entraMetadata, cancellationToken)
            .ConfigureAwait(false);
        if (configuration is null)
        {
            return BotAuthenticationResult.Unavailable(FailureOf(result));
        }

        if (!result.IsValid)
        {
            return BotAuthenticationResult.Failed(FailureOf(result));
        }

        // v1 tokens name the calling app in 'appid', v2 tokens in 'azp' (PROTOCOL.md §3.3).
        var version = result.Claims.TryGetValue("ver", out var ver) ? ver as string : null;
        var appClaim = version == "2.0" ? "azp" : "appid";
        var callingApp = result.Claims.TryGetValue(appClaim, out var app) ? app as string : null;
        if (!string.Equals(callingApp, _options.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
        {
            return BotAuthenticationResult.Failed("The token was issued to another app.");
        }

        Remember(hash, _entraMetadata, configuration, result, signingKeyId: null, serviceUrlClaim: null);
        return BotAuthenticationResult.Authenticated;
    }

    /// <summary>
    /// Checks the token's signature and claims against the issuer's metadata. The configuration is null when the
    /// metadata could not be had within <see cref="BotAuthenticationOptions.MetadataTimeout"/>: the token was
    /// not checked, which is not the same as a bad token.
    /// </summary>
    private async Task<(TokenValidationResult Result, OpenIdConnectConfiguration? Configuration)> ValidateSignedAsync(
        string token,
        IEnumerable<string> issuers,
        IssuerMetadata metadata,
        CancellationToken cancellationToken)
    {
        var (configuration, failure) = await metadata.GetAsync(cancellationToken).ConfigureAwait(false);
        if (configuration is null)
        {
            return (Unchecked(failure), null);
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(issuers, configuration)).ConfigureAwait(false);
        if (result.Exception is not SecurityTokenSignatureKeyNotFoundException)
        {
            return (result, configuration);
        }

        // A key we do not have: the issuer has probably rolled its keys over, so check against freshly fetched ones.
        // If they cannot be had, the token may well be good: unchecked, as when the metadata is down.
        var (fresh, freshFailure) = await metadata.GetAfterUnknownKeyAsync(cancellationToken).ConfigureAwait(false);
        if (fresh is null)
        {
            return (Unchecked(freshFailure), null);
        }

        return (await _handler.ValidateTokenAsync(token, Parameters(issuers, fresh)).ConfigureAwait(false), fresh);
    }

    private static TokenValidationResult Unchecked(Exception? failure) => new() { IsValid = false, Exception = failure };

    private TokenValidationParameters Parameters(IEnumerable<string> issuers, OpenIdConnectConfiguration configuration) =>
        new()
        {
            ValidIssuers = issuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = AllowedAlgorithms,
            ClockSkew = ClockSkew,
            LifetimeValidator = IsWithinLifetime,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
        };

    // IdentityModel's own lifetime check reads DateTime.UtcNow (its TimeProvider is internal). This is the same check
    // (an expiry is required, not-before and expiry each with the clock skew) on the injected clock, the one that
    // remembered tokens expire by, so that both agree on the moment a token stops being good, in tests as well.
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        if (expires is not { } validTo || notBefore > validTo)
        {
            return false;
        }

        var now = _time.GetUtcNow().UtcDateTime;
        return !(notBefore > now + ClockSkew) && validTo >= now - ClockSkew;
    }

    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, string? keyId, string? channelId)
    {
        if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(channelId))
        {
            return false;
        }

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return false;
        }

        return EndorsementValues(endorsements).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    // The key set's extra "endorsements" member is kept by IdentityModel as JSON or as a list,
    // depending on its reader; accept both.
    private static IEnumerable<string> EndorsementValues(object? endorsements) => endorsements switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array =>
            array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        string single => [single],
        IEnumerable list => list.Cast<object?>().Select(o => o?.ToString()).OfType<string>(),
        _ => [],
    };

    private static IEnumerable<string> EntraIssuers(BotAuthenticationOptions options)
    {
        foreach (var tenant in EntraTenantIssuerIds)
        {
            yield return $"https://sts.windows.net/{tenant}/";
            yield return $"https://login.microsoftonline.com/{tenant}/v2.0";
        }

        if (!string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
        {
            yield return $"https://sts.windows.net/{options.MicrosoftAppTenantId}/";
            yield return $"https://login.microsoftonline.com/{options.MicrosoftAppTenantId}/v2.0";
        }
    }

    /// <summary>Where in the header the bearer token is, without the scheme and surrounding white space.</summary>
    private static bool TryFindBearer([NotNullWhen(true)] string? header, out Range token)
    {
        const string Scheme = "Bearer ";
        token = default;
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var value = header.AsSpan(Scheme.Length);
        var start = Scheme.Length + (value.Length - value.TrimStart().Length);
        var end = header.Length - (value.Length - value.TrimEnd().Length);
        token = start..end;
        return end > start;
    }

    private static string FailureOf(TokenValidationResult result) =>
        result.Exception?.GetType().Name ?? "Token validation failed.";
}

using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// A token that passed the full check: against which issuer's metadata (the entry counts only while that is still
/// the metadata in use, so a refresh that drops a revoked key drops its tokens too), until when, and for Bot Service
/// tokens the signing key id and <c>serviceurl</c> claim that each request's activity is checked against.
/// </summary>
internal sealed record ValidatedToken(
    IssuerMetadata Metadata,
    OpenIdConnectConfiguration Configuration,
    DateTimeOffset AcceptedUntil,
    string? SigningKeyId,
    string? ServiceUrlClaim);

using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GuidanceBot.Testing;

/// <summary>
/// A local stand-in for the Bot Service's token issuer: an RSA signing key published in an OpenID
/// metadata document and a JWKS with channel endorsements, and tokens signed with it.
/// </summary>
public sealed class TestTokenIssuer : IDisposable
{
    public const string MetadataUrl = "https://login.test.local/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "https://login.test.local/v1/.well-known/keys";
    public const string BotServiceIssuer = "https://api.botframework.com";

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RSA _unpublishedRsa = RSA.Create(2048);

    public TestTokenIssuer(params string[] endorsements)
    {
        Endorsements = endorsements.Length == 0 ? ["msteams"] : endorsements;
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        UnpublishedKey = new RsaSecurityKey(_unpublishedRsa) { KeyId = "unknown-key" };
    }

    public IReadOnlyList<string> Endorsements { get; }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>A key the metadata does not list: tokens signed with it must be refused.</summary>
    public RsaSecurityKey UnpublishedKey { get; }

    public static string MetadataJson() => new JsonObject
    {
        ["issuer"] = BotServiceIssuer,
        ["authorization_endpoint"] = "https://login.test.local/authorize",
        ["jwks_uri"] = JwksUrl,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    }.ToJsonString();

    public string JwksJson()
    {
        var parameters = _rsa.ExportParameters(false);
        var key = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = SigningKey.KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]),
        };
        return new JsonObject { ["keys"] = new JsonArray(key) }.ToJsonString();
    }

    /// <summary>A handler that serves the metadata and keys, for the validator's HttpClient.</summary>
    public StubHttpHandler MetadataHandler() => new(request => request.Uri.AbsoluteUri switch
    {
        MetadataUrl => StubHttpHandler.Json(MetadataJson()),
        JwksUrl => StubHttpHandler.Json(JwksJson()),
        _ => new HttpResponseMessage(System.Net.HttpStatusCode.NotFound),
    });

    public string CreateToken(
        string audience,
        string? serviceUrl,
        string issuer = BotServiceIssuer,
        DateTime? expires = null,
        SecurityKey? signingKey = null,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var expiry = expires ?? DateTime.UtcNow.AddHours(1);
        var claims = new Dictionary<string, object> { ["ver"] = "1.0" };
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        foreach (var (name, value) in extraClaims ?? new Dictionary<string, object>())
        {
            claims[name] = value;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signingKey ?? SigningKey, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    public void Dispose()
    {
        _rsa.Dispose();
        _unpublishedRsa.Dispose();
    }
}

using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using GuidanceBot.BotFramework.Auth;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Testing;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GuidanceBot.Benchmarks;

/// <summary>
/// What checking an inbound Bot Service token costs per request: the validator as the adapter calls it (keys and
/// token remembered), IdentityModel's full token validation alone (what a token costs the first time), and one RS256
/// signature verification.
/// </summary>
[MemoryDiagnoser]
public class TokenValidationBenchmarks
{
    private const string AppId = "6f1c1f0e-0000-4000-8000-00000000a0be";
    private const string ServiceUrl = "https://smba.trafficmanager.net/emea/";

    private TestTokenIssuer _issuer = null!;
    private BotTokenValidator _validator = null!;
    private Activity _activity = null!;
    private string _token = null!;
    private string _header = null!;
    private TokenValidationParameters _parameters = null!;
    private byte[] _signingInput = null!;
    private byte[] _signature = null!;
    private RSA _publicKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _issuer = new TestTokenIssuer("msteams");
        _token = _issuer.CreateToken(AppId, ServiceUrl);
        _header = "Bearer " + _token;
        _activity = new Activity { Type = "message", ChannelId = "msteams", ServiceUrl = ServiceUrl };
        var options = Options.Create(new BotAuthenticationOptions
        {
            MicrosoftAppId = AppId,
            MicrosoftAppType = BotAuthenticationOptions.SingleTenant,
            MicrosoftAppPassword = "benchmark-secret",
            MicrosoftAppTenantId = "6f1c1f0e-0000-4000-8000-00000000b0be",
            BotOpenIdMetadataUrl = TestTokenIssuer.MetadataUrl,
        });
        _validator = new BotTokenValidator(options, new HandlerClientFactory(_issuer.MetadataHandler()), TimeProvider.System);
        if (!_validator.AuthenticateAsync(_header, _activity, CancellationToken.None).GetAwaiter().GetResult().IsAuthenticated)
        {
            throw new InvalidOperationException("The benchmark's token is not accepted.");
        }

        _parameters = new TokenValidationParameters
        {
            ValidIssuer = TestTokenIssuer.BotServiceIssuer,
            ValidAudience = AppId,
            IssuerSigningKey = _issuer.SigningKey,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        };
        var parts = _token.Split('.');
        _signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        _signature = Base64UrlEncoder.DecodeBytes(parts[2]);
        _publicKey = RSA.Create(_issuer.SigningKey.Rsa.ExportParameters(false));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _publicKey.Dispose();
        _issuer.Dispose();
    }

    /// <summary>
    /// The check as the adapter runs it for every request after the first with a token: the token is remembered
    /// (ValidatedTokenCache), so this is its hash, the lookup and the per-activity checks.
    /// </summary>
    [Benchmark(Baseline = true)]
    public async Task<bool> Validator() =>
        (await _validator.AuthenticateAsync(_header, _activity, CancellationToken.None)).IsAuthenticated;

    /// <summary>IdentityModel's JsonWebTokenHandler alone: parse, signature, issuer, audience, lifetime.</summary>
    [Benchmark]
    public async Task<bool> JsonWebTokenHandlerOnly() =>
        (await new JsonWebTokenHandler().ValidateTokenAsync(_token, _parameters)).IsValid;

    /// <summary>One RS256 signature verification with a 2048-bit key, the part no check can skip.</summary>
    [Benchmark]
    public bool RsaVerifyOnly() =>
        _publicKey.VerifyData(_signingInput, _signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    private sealed class HandlerClientFactory(HttpMessageHandler handler) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new(handler, disposeHandler: false);
    }
}

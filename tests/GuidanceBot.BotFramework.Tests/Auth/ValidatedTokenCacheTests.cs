using GuidanceBot.BotFramework.Auth;
using GuidanceBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GuidanceBot.BotFramework.Tests.Auth;

/// <summary>The memory of accepted tokens: until when an entry counts, and that it stays bounded.</summary>
public sealed class ValidatedTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly IssuerMetadata _metadata;
    private readonly OpenIdConnectConfiguration _configuration = new();

    public ValidatedTokenCacheTests()
    {
        _metadata = new IssuerMetadata(TestTokenIssuer.MetadataUrl, new HttpDocumentRetriever(), TimeSpan.FromSeconds(1), _time);
    }

    [Fact]
    public void AnEntry_CountsUntilItsAcceptedUntil_AndNotFromThatMomentOn()
    {
        var cache = new ValidatedTokenCache(_time);
        var hash = TokenHash.Of("header.payload.signature");
        cache.Add(hash, Entry(_time.GetUtcNow() + TimeSpan.FromMinutes(1)));

        _time.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(1));
        var justBefore = cache.Find(hash);
        _time.Advance(TimeSpan.FromTicks(1));
        var atTheMoment = cache.Find(hash);

        Assert.NotNull(justBefore);
        Assert.Null(atTheMoment);
    }

    [Fact]
    public void WhenFull_ExpiredEntriesGoFirst_AndLiveOnesStay()
    {
        var cache = new ValidatedTokenCache(_time);
        var live = TokenHash.Of("live");
        cache.Add(live, Entry(_time.GetUtcNow() + TimeSpan.FromHours(1)));
        for (var i = 1; i < ValidatedTokenCache.Capacity; i++)
        {
            cache.Add(TokenHash.Of($"short-{i}"), Entry(_time.GetUtcNow() + TimeSpan.FromMinutes(1)));
        }

        _time.Advance(TimeSpan.FromMinutes(2));
        var added = TokenHash.Of("added");
        cache.Add(added, Entry(_time.GetUtcNow() + TimeSpan.FromHours(1)));

        Assert.NotNull(cache.Find(live));
        Assert.NotNull(cache.Find(added));
    }

    [Fact]
    public void WhenFullOfLiveEntries_ItStartsAgain_RatherThanGrow()
    {
        var cache = new ValidatedTokenCache(_time);
        var first = TokenHash.Of("token-0");
        for (var i = 0; i < ValidatedTokenCache.Capacity; i++)
        {
            cache.Add(TokenHash.Of($"token-{i}"), Entry(_time.GetUtcNow() + TimeSpan.FromHours(1)));
        }

        var added = TokenHash.Of("one-too-many");
        cache.Add(added, Entry(_time.GetUtcNow() + TimeSpan.FromHours(1)));

        Assert.Null(cache.Find(first));
        Assert.NotNull(cache.Find(added));
    }

    [Fact]
    public void TokenHash_IsTheSameForTheSameToken_AndDiffersForOneCharacterChanged()
    {
        Assert.Equal(TokenHash.Of("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), TokenHash.Of("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"));
        Assert.NotEqual(TokenHash.Of("eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), TokenHash.Of("eyJhbGciOiJSUzI1NiJ9.e30.c2lo"));
        Assert.NotEqual(TokenHash.Of(new string('a', 20_000)), TokenHash.Of(new string('a', 19_999) + "é"));
    }

    private ValidatedToken Entry(DateTimeOffset acceptedUntil) =>
        new(_metadata, _configuration, acceptedUntil, "test-key-1", "https://smba.trafficmanager.net/emea/");
}

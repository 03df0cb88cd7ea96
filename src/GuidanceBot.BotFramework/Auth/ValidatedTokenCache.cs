using System.Collections.Concurrent;

namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// Tokens that passed the full check, so that the next request with the same token skips its RS256 signature and
/// claim checks (about 25 µs and 11 KB per request, docs/benchmarks.md): the Bot Service sends the same token for
/// about an hour. Keyed by the token's SHA-256, so the bearer token itself is not kept. What depends on the request
/// (the activity's serviceUrl and channel) is still checked every time, by the caller, from the entry.
/// </summary>
internal sealed class ValidatedTokenCache(TimeProvider time)
{
    /// <summary>
    /// More distinct valid tokens than a bot sees in an hour (one per issuer and app, renewed about hourly); only
    /// tokens that passed the full check get in, so nobody without one can fill it.
    /// </summary>
    public const int Capacity = 1024;

    private readonly ConcurrentDictionary<TokenHash, ValidatedToken> _tokens = new();

    /// <summary>
    /// The entry for <paramref name="token"/> while it may be used: before the token's expiry plus the clock skew
    /// the full check allows, so the cache never accepts a token longer than that check would.
    /// </summary>
    public ValidatedToken? Find(TokenHash token) =>
        _tokens.TryGetValue(token, out var known) && time.GetUtcNow() < known.AcceptedUntil ? known : null;

    public void Add(TokenHash token, ValidatedToken validated)
    {
        if (_tokens.Count >= Capacity)
        {
            var now = time.GetUtcNow();
            foreach (var (hash, entry) in _tokens)
            {
                if (now >= entry.AcceptedUntil)
                {
                    _tokens.TryRemove(hash, out _);
                }
            }

            if (_tokens.Count >= Capacity)
            {
                _tokens.Clear();
            }
        }

        _tokens[token] = validated;
    }

    public void Remove(TokenHash token) => _tokens.TryRemove(token, out _);
}

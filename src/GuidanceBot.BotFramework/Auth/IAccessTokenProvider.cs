namespace GuidanceBot.BotFramework.Auth;

/// <summary>Supplies the bearer token for calls to the Bot Connector; null means "send no token" (local anonymous mode).</summary>
public interface IAccessTokenProvider
{
    Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken);
}

/// <summary>The local anonymous mode: outbound calls carry no token (PROTOCOL.md §3.3).</summary>
public sealed class AnonymousAccessTokenProvider : IAccessTokenProvider
{
    public Task<string?> GetAccessTokenAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
}

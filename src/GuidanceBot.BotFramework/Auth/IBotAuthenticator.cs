using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Auth;

/// <summary>Decides whether an inbound activity comes from the Bot Service (or, locally, is anonymous).</summary>
public interface IBotAuthenticator
{
    /// <summary>True when a request must carry a token (an app id is configured).</summary>
    bool RequiresToken { get; }

    Task<BotAuthenticationResult> AuthenticateAsync(
        string? authorizationHeader, Activity activity, CancellationToken cancellationToken);
}

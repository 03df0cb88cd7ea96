namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// The outcome of checking an inbound request. <see cref="FailureReason"/> is for the log only; the
/// caller answers 401 without detail, or 503 when <see cref="IsUnavailable"/>.
/// </summary>
public sealed record BotAuthenticationResult(bool IsAuthenticated, bool IsAnonymous, string? FailureReason)
{
    public static BotAuthenticationResult Anonymous { get; } = new(true, true, null);

    public static BotAuthenticationResult Authenticated { get; } = new(true, false, null);

    /// <summary>
    /// True when the token could not be checked at all, because what it is checked against (the issuer's
    /// signing keys) could not be fetched: a fault on our side or the issuer's, not a bad token, so the
    /// caller may try again later.
    /// </summary>
    public bool IsUnavailable { get; private init; }

    public static BotAuthenticationResult Failed(string reason) => new(false, false, reason);

    public static BotAuthenticationResult Unavailable(string reason) => new(false, false, reason) { IsUnavailable = true };
}

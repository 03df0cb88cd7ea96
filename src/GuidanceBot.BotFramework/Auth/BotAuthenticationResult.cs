namespace GuidanceBot.BotFramework.Auth;

/// <summary>
/// The outcome of checking an inbound request. <see cref="FailureReason"/> is for the log only; the
/// caller answers 401 without detail.
/// </summary>
public sealed record BotAuthenticationResult(bool IsAuthenticated, bool IsAnonymous, string? FailureReason)
{
    public static BotAuthenticationResult Anonymous { get; } = new(true, true, null);

    public static BotAuthenticationResult Authenticated { get; } = new(true, false, null);

    public static BotAuthenticationResult Failed(string reason) => new(false, false, reason);
}

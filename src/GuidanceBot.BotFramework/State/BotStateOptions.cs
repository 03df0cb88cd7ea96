namespace GuidanceBot.BotFramework.State;

/// <summary>How long state is kept without activity. Bound from the <c>State</c> section by the host.</summary>
public sealed class BotStateOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "State";

    /// <summary>Conversation state (dialog stack, flow answers) expires after this idle time. Default 24 hours.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>User state expires after this idle time. Default 30 days.</summary>
    public TimeSpan UserIdleTimeout { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The longest idle time accepted. Why a bound: the state is about minors and is meant to go after a day
    /// or so, and an idle time of thousands of years gave SQLite rows whose expiry no later read could parse.
    /// </summary>
    public static readonly TimeSpan MaxIdleTimeout = TimeSpan.FromDays(365);

    /// <summary>What is wrong with these settings, one sentence per setting, each naming it; empty when usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new SettingProblems(SectionName);
        problems.Require(IsUsable(ConversationIdleTimeout), "ConversationIdleTimeout must be positive and at most 365 days.");
        problems.Require(IsUsable(UserIdleTimeout), "UserIdleTimeout must be positive and at most 365 days.");
        return problems.Found;
    }

    private static bool IsUsable(TimeSpan idleTimeout) => idleTimeout > TimeSpan.Zero && idleTimeout <= MaxIdleTimeout;
}

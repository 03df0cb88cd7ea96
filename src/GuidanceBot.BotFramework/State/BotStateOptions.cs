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
}

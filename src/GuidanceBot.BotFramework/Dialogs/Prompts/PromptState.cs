namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>The stored state of a waiting prompt.</summary>
public sealed class PromptState
{
    public PromptOptions Options { get; set; } = new();

    /// <summary>Wrong answers so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Identifies this one asking: card submits carry it back, and any other value is stale.</summary>
    public string Nonce { get; set; } = string.Empty;
}

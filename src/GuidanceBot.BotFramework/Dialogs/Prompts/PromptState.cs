namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>The stored state of a waiting prompt.</summary>
public sealed class PromptState
{
    /// <summary>The options, when they were made for this one asking (see <see cref="OptionsKey"/> otherwise).</summary>
    public PromptOptions? Options { get; set; }

    /// <summary>The key of catalog options (<see cref="PromptCatalog"/>): stored instead of the options.</summary>
    public string? OptionsKey { get; set; }

    /// <summary>Wrong answers so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Identifies this one asking: card submits carry it back, and any other value is stale.</summary>
    public string Nonce { get; set; } = string.Empty;
}

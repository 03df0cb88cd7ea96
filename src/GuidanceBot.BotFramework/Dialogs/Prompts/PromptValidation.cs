namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>Checks a recognized value; an invalid one is re-asked with the reason.</summary>
public delegate PromptValidation PromptValidator<in T>(T value);

/// <summary>The outcome of a <see cref="PromptValidator{T}"/>.</summary>
public sealed record PromptValidation(bool IsValid, string? Reason)
{
    public static PromptValidation Valid { get; } = new(true, null);

    /// <summary>Invalid, with the reason shown to the user before the question is asked again.</summary>
    public static PromptValidation Invalid(string reason) => new(false, reason);
}

using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// What a prompt asks and how it re-asks (the Bot Framework's <c>PromptOptions</c>). Stored with the
/// prompt's state so that a re-ask after a restart shows the same question (only the <see cref="Key"/> when
/// the prompt's <see cref="PromptCatalog"/> holds them); so it must hold no user data.
/// </summary>
public sealed record PromptOptions : DialogOptions
{
    /// <summary>
    /// Set for options that never change (see <see cref="PromptCatalog"/>): a prompt whose catalog holds them
    /// stores this key instead of the options. Null for options made for one asking, which are stored whole.
    /// </summary>
    public string? Key { get; init; }

    /// <summary>The question: a text message or a message with an Adaptive Card. Every <c>Action.Submit</c>
    /// in the card is stamped with the prompt's nonce when it is sent.</summary>
    public Activity? Prompt { get; init; }

    /// <summary>Sent before the question is asked again when the answer was not understood and no validator gave a reason.</summary>
    public Activity? RetryPrompt { get; init; }

    /// <summary>The choices of a <see cref="ChoicePrompt"/>.</summary>
    public IReadOnlyList<Choice>? Choices { get; init; }

    /// <summary>How many wrong answers end the prompt with <see cref="PromptRetryLimitReached"/>; default <see cref="Prompt{T}.DefaultMaxAttempts"/>.</summary>
    public int? MaxAttempts { get; init; }
}

/// <summary>One option of a <see cref="ChoicePrompt"/>: the value a card button submits, and words a user may type.</summary>
public sealed record Choice(string Value)
{
    /// <summary>Other words that pick this choice when typed (compared case- and accent-insensitively).</summary>
    public IReadOnlyList<string>? Synonyms { get; init; }
}

/// <summary>The choice a <see cref="ChoicePrompt"/> recognized.</summary>
public sealed record FoundChoice(string Value, int Index);

/// <summary>The inputs of a submitted Adaptive Card form, by input id (Adaptive Cards submit every input as a string).</summary>
public sealed record FormSubmission(IReadOnlyDictionary<string, string> Inputs)
{
    /// <summary>The value of input <paramref name="id"/>, or null when it was not submitted or empty.</summary>
    public string? Get(string id) =>
        Inputs.TryGetValue(id, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>True when toggle <paramref name="id"/> was submitted as on (<c>"true"</c>).</summary>
    public bool IsOn(string id) => string.Equals(Get(id), "true", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The result a prompt ends with after <see cref="PromptOptions.MaxAttempts"/> wrong answers.</summary>
public sealed record PromptRetryLimitReached(string PromptId, int Attempts);

/// <summary>
/// Put in the turn state when a card submit carried another prompt's nonce (an old card, a double click,
/// a card of a finished flow): the prompt ignored it, and the caller tells the user why.
/// </summary>
public sealed record StaleSubmitNotice(string PromptId);

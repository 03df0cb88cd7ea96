namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// Prompt options that are the same every time they are asked, each under its <see cref="PromptOptions.Key"/>.
/// A prompt given a catalog stores only the key of such options in the dialog state, and finds the options
/// here again when the answer comes in or the question is shown again.
/// </summary>
/// <remarks>
/// Why: a waiting question with its Adaptive Card is a few KB of state, read, decrypted, parsed, written,
/// encrypted and stored again on every turn of a flow; its key is a few bytes. And a flow that waits across
/// a release shows the new release's card. A key that the catalog no longer has makes the stored state
/// unreadable (<see cref="DialogStateException"/>), which ends the flow politely like any outdated state.
/// </remarks>
public sealed class PromptCatalog
{
    private readonly Dictionary<string, PromptOptions> _byKey = new(StringComparer.Ordinal);

    /// <param name="options">The options, each with a key of its own.</param>
    /// <exception cref="ArgumentException">Options without a key, or two with the same key.</exception>
    public PromptCatalog(IEnumerable<PromptOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var option in options)
        {
            var key = option.Key ?? throw new ArgumentException("Options in a prompt catalog need a key.", nameof(options));
            if (!_byKey.TryAdd(key, option))
            {
                throw new ArgumentException($"The prompt catalog has key '{key}' twice.", nameof(options));
            }
        }
    }

    /// <summary>The options with this key, or null.</summary>
    public PromptOptions? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>True when <paramref name="options"/> are this catalog's own options under their key.</summary>
    public bool Holds(PromptOptions options) =>
        options.Key is { } key && _byKey.TryGetValue(key, out var held) && ReferenceEquals(held, options);
}

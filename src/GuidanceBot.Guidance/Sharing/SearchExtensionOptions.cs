using GuidanceBot.BotFramework;

namespace GuidanceBot.Guidance.Sharing;

/// <summary>Settings of the search message extension. Bound from the <c>MessageExtension</c> section by the host.</summary>
public sealed class SearchExtensionOptions
{
    /// <summary>The configuration section the host binds.</summary>
    public const string SectionName = "MessageExtension";

    /// <summary>
    /// How long a search waits for the sender's latest summary before it answers without it. Default 2 s. Why a
    /// bound: Teams drops a search that takes over 5 s (PROTOCOL.md §4.7), while the store's own timeout is 5 s
    /// per request; the results from the index should not wait for a slow store.
    /// </summary>
    public TimeSpan LastSummaryTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether <see cref="LastSummaryTimeout"/> is positive and at most 24 hours, like every other timeout.</summary>
    public bool IsValid => SettingRules.IsUsableDuration(LastSummaryTimeout);
}

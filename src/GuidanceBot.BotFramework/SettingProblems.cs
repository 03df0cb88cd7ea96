namespace GuidanceBot.BotFramework;

/// <summary>
/// Collects what is wrong with one settings section, each problem prefixed with the section's path, so that the
/// start-up error names the setting an operator has to change.
/// </summary>
internal sealed class SettingProblems(string section)
{
    private readonly List<string> _found = [];

    /// <summary>The problems so far, in the order they were checked.</summary>
    public IReadOnlyList<string> Found => _found;

    /// <summary>Adds <paramref name="problem"/> (a sentence about one setting) when <paramref name="holds"/> is false.</summary>
    public void Require(bool holds, string problem)
    {
        if (!holds)
        {
            _found.Add($"{section}:{problem}");
        }
    }
}

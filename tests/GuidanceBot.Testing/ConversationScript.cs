namespace GuidanceBot.Testing;

/// <summary>
/// A conversation as data (the 13.core-bot.tests idea, typed): what the user does turn by turn, what the
/// bot must answer, and whether flow state is left in storage at the end.
/// </summary>
public sealed record ConversationScript(string Name, IReadOnlyList<ScriptTurn> Turns, ScriptOutcome Outcome)
{
    public override string ToString() => Name;
}

/// <summary>What storage holds for the conversation after the last turn.</summary>
public enum ScriptOutcome
{
    /// <summary>A flow is still running: its state is stored.</summary>
    FlowRunning,

    /// <summary>No flow is running: nothing is stored.</summary>
    NothingStored,
}

/// <summary>One user action and the replies it must get, in order.</summary>
public abstract record ScriptTurn(IReadOnlyList<ExpectedReply> Expected);

/// <summary>The user types <paramref name="Text"/>.</summary>
public sealed record Say(string Text, params ExpectedReply[] Replies) : ScriptTurn(Replies);

/// <summary>
/// The user clicks <paramref name="Button"/> on the latest card with id <paramref name="CardId"/> (an older
/// card stays clickable, as in Teams), with <see cref="Inputs"/> filled in.
/// </summary>
public sealed record Click(string CardId, string Button, params ExpectedReply[] Replies) : ScriptTurn(Replies)
{
    public IReadOnlyDictionary<string, string>? Inputs { get; init; }
}

/// <summary>The user clicks the same button again (a double click).</summary>
public sealed record ClickAgain(params ExpectedReply[] Replies) : ScriptTurn(Replies);

/// <summary>A reply: a card with an id, or a text containing a fragment.</summary>
public sealed record ExpectedReply(string? CardId, string? TextFragment)
{
    public static ExpectedReply Card(string cardId) => new(cardId, null);

    public static ExpectedReply Text(string fragment) => new(null, fragment);

    public override string ToString() => CardId is not null ? $"card {CardId}" : $"text \"{TextFragment}\"";
}

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>Where the dialog stack stands after a call into a <see cref="DialogContext"/>.</summary>
public enum DialogTurnStatus
{
    /// <summary>The stack was empty: no dialog handled the turn.</summary>
    Empty,

    /// <summary>The active dialog waits for the user's next activity.</summary>
    Waiting,

    /// <summary>The last dialog on the stack ended; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,

    /// <summary>The dialogs were cancelled.</summary>
    Cancelled,
}

/// <summary>
/// The outcome of a dialog operation. <see cref="Result"/> is what the ending dialog returned; read it with
/// <see cref="TryGetResult{T}"/> rather than casting.
/// </summary>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>
    /// True when the stored stack could not be read (another schema version, an unknown dialog id) and
    /// was discarded instead of continued: the caller should say so and offer a fresh start.
    /// </summary>
    public bool StateDiscarded { get; init; }

    /// <summary>The result as <typeparamref name="T"/>, if it is one.</summary>
    public bool TryGetResult<T>(out T value)
    {
        if (Result is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }
}

/// <summary>Why a dialog is being started, resumed or ended (the Bot Framework's <c>DialogReason</c>).</summary>
public enum DialogReason
{
    BeginCalled,
    ContinueCalled,
    EndCalled,
    ReplaceCalled,
    CancelCalled,
    NextCalled,
}

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// The stored dialog stack cannot be continued by this build: a state of another schema version, an
/// unreadable state or a dialog id that no longer exists. The root <see cref="DialogContext"/> turns it
/// into a discarded stack (<see cref="DialogTurnResult.StateDiscarded"/>) instead of a crash.
/// </summary>
public sealed class DialogStateException : Exception
{
    public DialogStateException()
    {
    }

    public DialogStateException(string message)
        : base(message)
    {
    }

    public DialogStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

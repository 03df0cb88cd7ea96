namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>A dialog stack; the active dialog is at index 0 (as in the Bot Framework SDK).</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
}

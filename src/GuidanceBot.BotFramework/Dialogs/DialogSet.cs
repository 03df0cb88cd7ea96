using GuidanceBot.BotFramework.Adapter;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>The dialogs that can be started by id in one context (the Bot Framework's <c>DialogSet</c>).</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="dialog"/>; ids must be unique.</summary>
    public DialogSet Add(Dialog dialog)
    {
        ArgumentNullException.ThrowIfNull(dialog);
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already in the set.");
        }

        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    /// <summary>A root context over <paramref name="state"/> (usually part of the loaded conversation state).</summary>
    public DialogContext CreateContext(ITurnContext turnContext, DialogState state) =>
        new(this, turnContext, state, parent: null);
}

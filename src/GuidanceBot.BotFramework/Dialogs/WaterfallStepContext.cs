using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Dialogs.Prompts;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// What a waterfall step gets: the turn, the previous step's result and the operations to move on
/// (the Bot Framework's <c>WaterfallStepContext</c>).
/// </summary>
public class WaterfallStepContext
{
    private readonly WaterfallDialog _waterfall;
    private readonly DialogInstance _instance;
    private bool _nextCalled;

    protected internal WaterfallStepContext(
        WaterfallDialog waterfall, DialogContext dc, DialogInstance instance, int index, DialogReason reason, object? result)
    {
        _waterfall = waterfall;
        DialogContext = dc;
        _instance = instance;
        Index = index;
        Reason = reason;
        ResultValue = result;
    }

    /// <summary>The turn.</summary>
    public ITurnContext Context => DialogContext.Context;

    /// <summary>The stack the waterfall runs on.</summary>
    public DialogContext DialogContext { get; }

    /// <summary>The index of this step.</summary>
    public int Index { get; }

    /// <summary>Why this step runs.</summary>
    public DialogReason Reason { get; }

    /// <summary>The previous step's result (a prompt's recognized value), or null for the first step.
    /// Read it typed with <see cref="Result{T}"/> or <see cref="TryGetResult{T}"/>.</summary>
    internal object? ResultValue { get; }

    /// <summary>The previous result as <typeparamref name="T"/>.</summary>
    /// <exception cref="InvalidOperationException">The result is not a <typeparamref name="T"/>: a step order bug.</exception>
    public T Result<T>() =>
        ResultValue is T typed
            ? typed
            : throw new InvalidOperationException(
                $"Step {Index} of '{_waterfall.Id}' expected a {typeof(T).Name} result, got {ResultValue?.GetType().Name ?? "null"}.");

    /// <summary>The previous result as <typeparamref name="T"/>, if it is one.</summary>
    public bool TryGetResult<T>(out T value)
    {
        if (ResultValue is T typed)
        {
            value = typed;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Starts a prompt; its result goes to the next step.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, PromptOptions options, CancellationToken cancellationToken)
    {
        BeforeStackChange();
        return DialogContext.PromptAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Starts a prompt that asks <paramref name="text"/> as a plain message.</summary>
    public Task<DialogTurnResult> PromptAsync(string dialogId, string text, CancellationToken cancellationToken) =>
        PromptAsync(dialogId, new PromptOptions { Prompt = new Activity { Type = ActivityTypes.Message, Text = text } }, cancellationToken);

    /// <summary>Starts a child dialog; its result goes to the next step.</summary>
    public Task<DialogTurnResult> BeginDialogAsync(string dialogId, DialogOptions? options, CancellationToken cancellationToken)
    {
        BeforeStackChange();
        return DialogContext.BeginDialogAsync(dialogId, options, cancellationToken);
    }

    /// <summary>Skips to the next step now, handing it <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> NextAsync(object? result, CancellationToken cancellationToken)
    {
        if (_nextCalled)
        {
            throw new InvalidOperationException($"NextAsync was already called in step {Index} of '{_waterfall.Id}'.");
        }

        _nextCalled = true;
        BeforeStackChange();
        return _waterfall.ResumeDialogAsync(DialogContext, DialogReason.NextCalled, result, cancellationToken);
    }

    /// <summary>Ends the waterfall with <paramref name="result"/>.</summary>
    public Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken) =>
        DialogContext.EndDialogAsync(result, cancellationToken);

    /// <summary>Ends the waterfall and starts <paramref name="dialogId"/> in its place.</summary>
    public Task<DialogTurnResult> ReplaceDialogAsync(string dialogId, DialogOptions? options, CancellationToken cancellationToken) =>
        DialogContext.ReplaceDialogAsync(dialogId, options, cancellationToken);

    /// <summary>Typed waterfalls save their values before the stack changes, so a child that ends at once resumes with them.</summary>
    private void BeforeStackChange() => _waterfall.OnStepReturned(_instance);
}

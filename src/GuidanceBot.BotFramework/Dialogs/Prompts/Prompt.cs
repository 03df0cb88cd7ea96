using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.Schema;

namespace GuidanceBot.BotFramework.Dialogs.Prompts;

/// <summary>The outcome of recognizing an answer.</summary>
public readonly record struct PromptRecognition<T>(bool Succeeded, T? Value);

/// <summary>Factory methods for <see cref="PromptRecognition{T}"/>.</summary>
public static class PromptRecognition
{
    public static PromptRecognition<T> Failed<T>() => default;

    public static PromptRecognition<T> Success<T>(T value) => new(true, value);
}

/// <summary>
/// Base of the prompts (the Bot Framework's <c>Prompt&lt;T&gt;</c>): asks, recognizes the answer from typed
/// text or a card submit, validates it, and re-asks with the reason. After
/// <see cref="PromptOptions.MaxAttempts"/> wrong answers it ends with <see cref="PromptRetryLimitReached"/>.
/// A card submit that carries another prompt's nonce is ignored and reported as <see cref="StaleSubmitNotice"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    /// <summary>Wrong answers allowed before the prompt gives up, unless the options say otherwise.</summary>
    public const int DefaultMaxAttempts = 3;

    private readonly PromptValidator<T>? _validator;

    protected Prompt(string dialogId, PromptValidator<T>? validator)
        : base(dialogId)
    {
        _validator = validator;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, DialogOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' must be started with {nameof(PromptOptions)}.", nameof(options));
        var state = new PromptState { Options = promptOptions, Nonce = PromptSubmit.NewNonce() };
        dc.ActiveDialog!.SetState(state, DialogJsonContext.Default.PromptState);
        await SendPromptAsync(dc.Context, state, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var activity = dc.Context.Activity;
        if (activity.Type != ActivityTypes.Message)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var state = ReadState(instance);
        var nonce = PromptSubmit.ReadNonce(activity);
        if (nonce is not null && !string.Equals(nonce, state.Nonce, StringComparison.Ordinal))
        {
            dc.Context.TurnState.Set(new StaleSubmitNotice(Id));
            return EndOfTurn;
        }

        var recognition = Recognize(activity, state.Options);
        var validation = recognition.Succeeded
            ? _validator?.Invoke(recognition.Value!) ?? PromptValidation.Valid
            : new PromptValidation(false, null);
        if (validation.IsValid)
        {
            return await dc.EndDialogAsync(recognition.Value, cancellationToken).ConfigureAwait(false);
        }

        state.Attempts++;
        if (state.Attempts >= (state.Options.MaxAttempts ?? DefaultMaxAttempts))
        {
            return await dc.EndDialogAsync(new PromptRetryLimitReached(Id, state.Attempts), cancellationToken).ConfigureAwait(false);
        }

        instance.SetState(state, DialogJsonContext.Default.PromptState);
        await SendRetryAsync(dc.Context, state, validation.Reason, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return SendPromptAsync(turnContext, ReadState(instance), cancellationToken);
    }

    /// <summary>Recognizes the answer in <paramref name="activity"/>.</summary>
    protected abstract PromptRecognition<T> Recognize(Activity activity, PromptOptions options);

    private static PromptState ReadState(DialogInstance instance) =>
        instance.GetState(DialogJsonContext.Default.PromptState)
        ?? throw new DialogStateException($"Prompt '{instance.Id}' has no state.");

    private static async Task SendPromptAsync(ITurnContext turnContext, PromptState state, CancellationToken cancellationToken)
    {
        if (state.Options.Prompt is { } prompt)
        {
            await turnContext.SendActivityAsync(PromptSubmit.Stamp(prompt, state.Nonce), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendRetryAsync(
        ITurnContext turnContext, PromptState state, string? reason, CancellationToken cancellationToken)
    {
        if (reason is not null)
        {
            await turnContext.SendActivityAsync(reason, cancellationToken).ConfigureAwait(false);
        }
        else if (state.Options.RetryPrompt is { } retry)
        {
            await turnContext.SendActivityAsync(PromptSubmit.Stamp(retry, state.Nonce), cancellationToken).ConfigureAwait(false);
        }

        await SendPromptAsync(turnContext, state, cancellationToken).ConfigureAwait(false);
    }
}

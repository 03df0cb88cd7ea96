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
/// A card submit that carries another prompt's nonce, or none, is ignored and reported as <see cref="StaleSubmitNotice"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    /// <summary>Wrong answers allowed before the prompt gives up, unless the options say otherwise.</summary>
    public const int DefaultMaxAttempts = 3;

    private readonly PromptValidator<T>? _validator;
    private readonly PromptCatalog? _catalog;

    /// <param name="dialogId">The prompt's id in its dialog set.</param>
    /// <param name="validator">Checks a recognized answer; null accepts every recognized answer.</param>
    /// <param name="catalog">The fixed options this prompt is asked with, stored by key (see <see cref="PromptCatalog"/>).</param>
    protected Prompt(string dialogId, PromptValidator<T>? validator, PromptCatalog? catalog = null)
        : base(dialogId)
    {
        _validator = validator;
        _catalog = catalog;
    }

    public override async Task<DialogTurnResult> BeginDialogAsync(
        DialogContext dc, DialogOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        var promptOptions = options as PromptOptions
            ?? throw new ArgumentException($"Prompt '{Id}' must be started with {nameof(PromptOptions)}.", nameof(options));
        var state = new PromptState { Nonce = PromptSubmit.NewNonce() };
        if (promptOptions.Key is null)
        {
            state.Options = promptOptions;
        }
        else if (_catalog?.Holds(promptOptions) == true)
        {
            state.OptionsKey = promptOptions.Key;
        }
        else
        {
            // Keyed options are found again by key after a reload: asking with others would re-ask the wrong question.
            throw new ArgumentException($"Prompt '{Id}' was asked with options '{promptOptions.Key}' that are not its catalog's.", nameof(options));
        }

        dc.ActiveDialog!.SetState(state, DialogJsonContext.Default.PromptState);
        await SendPromptAsync(dc.Context, state.Nonce, promptOptions, cancellationToken).ConfigureAwait(false);
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
        var (state, promptOptions) = ReadState(instance);
        // Typed text carries no nonce; a card submit must carry this prompt's (every card a prompt sends is stamped).
        var nonce = PromptSubmit.ReadNonce(activity);
        if ((nonce is not null || PromptSubmit.IsCardSubmit(activity)) && !string.Equals(nonce, state.Nonce, StringComparison.Ordinal))
        {
            dc.Context.TurnState.Set(new StaleSubmitNotice(Id));
            return EndOfTurn;
        }

        var recognition = Recognize(activity, promptOptions);
        var validation = recognition.Succeeded
            ? _validator?.Invoke(recognition.Value!) ?? PromptValidation.Valid
            : new PromptValidation(false, null);
        if (validation.IsValid)
        {
            return await dc.EndDialogAsync(recognition.Value, cancellationToken).ConfigureAwait(false);
        }

        state.Attempts++;
        if (state.Attempts >= (promptOptions.MaxAttempts ?? DefaultMaxAttempts))
        {
            return await dc.EndDialogAsync(new PromptRetryLimitReached(Id, state.Attempts), cancellationToken).ConfigureAwait(false);
        }

        instance.SetState(state, DialogJsonContext.Default.PromptState);
        await SendRetryAsync(dc.Context, state.Nonce, promptOptions, validation.Reason, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var (state, promptOptions) = ReadState(instance);
        return SendPromptAsync(turnContext, state.Nonce, promptOptions, cancellationToken);
    }

    public override string? GetWaitingCardNonce(DialogInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.GetState(DialogJsonContext.Default.PromptState)?.Nonce;
    }

    /// <summary>Recognizes the answer in <paramref name="activity"/>.</summary>
    protected abstract PromptRecognition<T> Recognize(Activity activity, PromptOptions options);

    /// <summary>The stored state and the options it was asked with (found by key in the catalog when stored so).</summary>
    private (PromptState State, PromptOptions Options) ReadState(DialogInstance instance)
    {
        var state = instance.GetState(DialogJsonContext.Default.PromptState)
            ?? throw new DialogStateException($"Prompt '{instance.Id}' has no state.");
        var options = state.OptionsKey is { } key
            ? _catalog?.Find(key) ?? throw new DialogStateException($"Prompt '{instance.Id}' waits with options '{key}', which this build does not have.")
            : state.Options ?? throw new DialogStateException($"Prompt '{instance.Id}' has no options.");
        return (state, options);
    }

    private static async Task SendPromptAsync(ITurnContext turnContext, string nonce, PromptOptions options, CancellationToken cancellationToken)
    {
        if (options.Prompt is { } prompt)
        {
            await turnContext.SendActivityAsync(PromptSubmit.Stamp(prompt, nonce), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task SendRetryAsync(
        ITurnContext turnContext, string nonce, PromptOptions options, string? reason, CancellationToken cancellationToken)
    {
        if (reason is not null)
        {
            await turnContext.SendActivityAsync(reason, cancellationToken).ConfigureAwait(false);
        }
        else if (options.RetryPrompt is { } retry)
        {
            await turnContext.SendActivityAsync(PromptSubmit.Stamp(retry, nonce), cancellationToken).ConfigureAwait(false);
        }

        await SendPromptAsync(turnContext, nonce, options, cancellationToken).ConfigureAwait(false);
    }
}

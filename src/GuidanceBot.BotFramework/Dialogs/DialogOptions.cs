namespace GuidanceBot.BotFramework.Dialogs;

/// <summary>
/// Base of the typed options a dialog is started with (the SDK passes <c>object</c>). Each dialog
/// accepts its own derived record, e.g. <see cref="Prompts.PromptOptions"/>.
/// </summary>
public abstract record DialogOptions;

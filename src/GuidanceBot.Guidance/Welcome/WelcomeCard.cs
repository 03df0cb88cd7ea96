using System.Text.Json.Nodes;
using GuidanceBot.BotFramework.Schema;
using GuidanceBot.Cards;
using GuidanceBot.Cards.Model;
using GuidanceBot.Guidance.Routing;

namespace GuidanceBot.Guidance.Welcome;

/// <summary>
/// The welcome and help card: what the bot can do, who to call, and what not to type. In a group chat or
/// channel it has no flow buttons and says the flows run in a personal chat: there they would only be refused.
/// </summary>
public static class WelcomeCard
{
    public const string Id = "welcome";

    // The card never changes: serialized once, shared by every reply that shows it (help is a frequent command).
    private static readonly Lazy<ReadOnlyMemory<byte>> Json = new(() => CardSerializer.ToUtf8Json(Build(inGroup: false)));
    private static readonly Lazy<ReadOnlyMemory<byte>> GroupJson = new(() => CardSerializer.ToUtf8Json(Build(inGroup: true)));

    /// <summary>A message with the welcome card for the conversation <paramref name="activity"/> came from, ready to send.</summary>
    public static Activity MessageFor(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return new()
        {
            Type = ActivityTypes.Message,
            Attachments = [(activity.IsGroupConversation() ? GroupJson : Json).Value.ToAdaptiveCardAttachment()],
        };
    }

    public static AdaptiveCard Build(bool inGroup) => new()
    {
        FallbackText = WelcomeTexts.FallbackText,
        Body =
        [
            Blocks.Heading(WelcomeTexts.Title) with { Id = Id },
            Blocks.Paragraph(WelcomeTexts.Intro),
            Blocks.Subheading(WelcomeTexts.WhatICanDo),
            Blocks.Bullets([WelcomeTexts.AskQuestion, WelcomeTexts.Signaleren, WelcomeTexts.Risico, WelcomeTexts.Melden]),
            Blocks.Paragraph(inGroup ? WelcomeTexts.FlowsInPersonalChat : WelcomeTexts.Commands),
            new Container
            {
                Style = "attention",
                Spacing = "Medium",
                Items = [Blocks.Paragraph(WelcomeTexts.Safety)],
            },
            Blocks.Note(WelcomeTexts.Privacy),
            Blocks.Note(WelcomeTexts.NotAReplacement),
        ],
        Actions = inGroup
            ? null
            :
            [
                CommandButton(WelcomeTexts.SignalerenButton, Commands.Signaleren),
                CommandButton(WelcomeTexts.RisicoButton, Commands.Risico),
                CommandButton(WelcomeTexts.MeldenButton, Commands.Melden),
            ],
    };

    // A plain submit carrying the command word: it arrives as a message whose value names the command,
    // which the handler treats exactly like the typed word.
    private static ActionSubmit CommandButton(string title, string command) => new()
    {
        Title = title,
        Data = new JsonObject { [Commands.ValueKey] = command },
    };
}

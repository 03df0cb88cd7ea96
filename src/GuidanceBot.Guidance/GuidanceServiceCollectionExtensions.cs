using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.BotFramework.State;
using GuidanceBot.BotFramework.Storage;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Flows;
using GuidanceBot.Guidance.Flows.Melden;
using GuidanceBot.Guidance.Flows.Risicotaxatie;
using GuidanceBot.Guidance.Flows.Signaleren;
using GuidanceBot.Guidance.Sharing;
using GuidanceBot.Knowledge;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GuidanceBot.Guidance;

/// <summary>Registers the product: the handler, the flows and their state, question answering, the message extension, and the turn-error words.</summary>
public static class GuidanceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the handler and the guided flows. The host binds <see cref="StorageOptions"/> (section
    /// <c>Storage</c>, via <see cref="StorageServiceCollectionExtensions.AddBotStorage"/>) and
    /// <see cref="BotStateOptions"/> (section <c>State</c>) and <see cref="SearchExtensionOptions"/> (section <c>MessageExtension</c>). Summary cards cite passages from
    /// <see cref="IPassageSearch"/> when the knowledge layer is registered.
    /// </summary>
    public static IServiceCollection AddGuidance(this IServiceCollection services)
    {
        services.AddSingleton<QuestionAnswering>();
        services.AddSingleton<SearchExtension>();
        services.AddOptions<SearchExtensionOptions>()
            .Validate(o => o.IsValid, "MessageExtension:LastSummaryTimeout must be positive and at most 24 hours.")
            .ValidateOnStart();
        services.AddSingleton<LastSummaryForSearch>();
        services.AddSingleton<AnswerFeedback>();
        services.AddBotStorage();
        services.AddOptions<BotStateOptions>()
            .Validate(o => o.Validate().Count == 0, "State:ConversationIdleTimeout and State:UserIdleTimeout must be positive and at most 365 days.")
            .ValidateOnStart();
        services.AddSingleton(provider => new ConversationState<GuidanceConversation>(
            provider.GetRequiredService<IStorage>(),
            FlowJsonContext.Default.GuidanceConversation,
            provider.GetRequiredService<IOptions<BotStateOptions>>()));
        // The latest summary card per user: user-scoped (found from any chat), but it expires with the flow state.
        services.AddSingleton(provider => new UserState<LastSummary>(
            provider.GetRequiredService<IStorage>(),
            FlowJsonContext.Default.LastSummary,
            provider.GetRequiredService<IOptions<BotStateOptions>>().Value.ConversationIdleTimeout,
            LastSummaries.KeyPrefix));
        services.AddSingleton<LastSummaries>();
        services.AddSingleton(provider => new FlowCitations(provider.GetService<IPassageSearch>()));
        services.AddSingleton<SignalerenDialog>();
        services.AddSingleton<RisicotaxatieDialog>();
        services.AddSingleton<MeldenDialog>();
        services.AddSingleton<FlowRouter>();

        services.AddSingleton<IBot, GuidanceBotHandler>();
        services.AddSingleton<ITurnErrorHandler, TurnErrorHandler>();
        services.AddSingleton<ITurnLimitTexts, TurnLimitTexts>();
        return services;
    }
}

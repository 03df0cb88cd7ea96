using GuidanceBot.BotFramework.Adapter;
using GuidanceBot.Guidance.Answers;
using GuidanceBot.Guidance.Sharing;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Guidance;

/// <summary>Registers the product: the handler, question answering, the message extension, and the turn-error words.</summary>
public static class GuidanceServiceCollectionExtensions
{
    public static IServiceCollection AddGuidance(this IServiceCollection services)
    {
        services.AddSingleton<QuestionAnswering>();
        services.AddSingleton<SearchExtension>();
        services.AddSingleton<AnswerFeedback>();
        services.AddSingleton<IBot, GuidanceBotHandler>();
        services.AddSingleton<ITurnErrorHandler, TurnErrorHandler>();
        return services;
    }
}

using GuidanceBot.BotFramework.Adapter;
using Microsoft.Extensions.DependencyInjection;

namespace GuidanceBot.Guidance;

/// <summary>Registers the product: the bot handler and the words it uses when a turn fails.</summary>
public static class GuidanceServiceCollectionExtensions
{
    public static IServiceCollection AddGuidance(this IServiceCollection services)
    {
        services.AddSingleton<IBot, GuidanceBotHandler>();
        services.AddSingleton<ITurnErrorHandler, TurnErrorHandler>();
        return services;
    }
}
